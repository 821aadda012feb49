package org.corridor.observation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.corridor.core.Fields;
import org.corridor.core.Problems;
import org.corridor.operation.Movement;
import org.corridor.operation.Operation;

/**
 * Reads one observation from its JSON form and checks it against its operation: every field by name, the rule on
 * sites, references to known sites, movements, monitors and parties, the 5-minute limit on future times, and the
 * monitor's signature ({@link Signatures}).
 */
public final class ObservationReader {
    /** How far into the server's future an observation's {@code at} may be (clock skew on field devices). */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private static final Set<String> COMMON =
            Set.of("id", "type", "operation", "at", "monitor", "site", "note", "signature", "personsDigest");
    private static final Map<ObservationType, Set<String>> EXTRA = Map.of(
            ObservationType.CONVOY_DEPARTED, Set.of("convoy", "movement", "people", "vehicles"),
            ObservationType.CONVOY_PASSED, Set.of("convoy", "people", "vehicles"),
            ObservationType.CONVOY_HALTED, Set.of("convoy", "reason"),
            ObservationType.CONVOY_RESUMED, Set.of("convoy"),
            ObservationType.CONVOY_ARRIVED, Set.of("convoy", "movement", "people", "vehicles"),
            ObservationType.PERSONS_DETAINED, Set.of("people", "convoy", "by"),
            ObservationType.PERSONS_RELEASED, Set.of("people", "to", "movement", "refersTo"),
            ObservationType.COUNT_CORRECTED, Set.of("refersTo", "people", "reason"),
            ObservationType.INCIDENT_REPORTED, Set.of("category", "severity", "people", "description"));

    /** The fields each type may have: the common ones and its own. */
    private static final Map<ObservationType, Set<String>> ALLOWED = allowedFields();

    private ObservationReader() {}

    private static Map<ObservationType, Set<String>> allowedFields() {
        Map<ObservationType, Set<String>> allowed = new java.util.EnumMap<>(ObservationType.class);
        for (ObservationType type : ObservationType.values()) {
            Set<String> fields = new HashSet<>(COMMON);
            fields.addAll(EXTRA.get(type));
            allowed.put(type, Set.copyOf(fields));
        }
        return allowed;
    }

    /**
     * Reads and checks {@code tree} as an observation of {@code operation}, received at {@code now}.
     *
     * @throws org.corridor.core.InvalidInputException naming every field at fault
     */
    public static Observation read(JsonNode tree, Operation operation, Instant now) {
        Problems problems = new Problems();
        Observation observation = read(tree, operation, now, problems);
        problems.throwIfAny("observation");
        return observation;
    }

    /** As {@link #read(JsonNode, Operation, Instant)}, recording problems instead of throwing; null when any. */
    public static Observation read(JsonNode tree, Operation operation, Instant now, Problems problems) {
        return read(CanonicalForm.of(tree), operation, now, problems);
    }

    /**
     * As {@link #read(JsonNode, Operation, Instant, Problems)}, for an observation whose canonical form is then
     * stored: a signature is checked over the same form, worked out once.
     */
    public static Observation read(CanonicalForm form, Operation operation, Instant now, Problems problems) {
        return read(form, new Context(operation, now, false), problems);
    }

    /**
     * Reads an observation that was checked and stored earlier, for replaying the ledger. It is read against the
     * operation's current definition, which may have moved a movement's origin or destination since, and against no
     * clock: only what the definition can no longer answer (an id it dropped) makes it unreadable. Its signature is
     * not checked again: it was verified when the observation was accepted, and the monitor's key may have been
     * rotated since, which must not unmake what was stored (the Merkle log and {@code corridor verify} are the
     * proof against later tampering).
     */
    public static Observation readStored(JsonNode tree, Operation operation, Problems problems) {
        return read(CanonicalForm.of(tree), new Context(operation, Instant.MAX, true), problems);
    }

    /** What an observation is read against; {@code stored} relaxes the rules that only hold when it arrives. */
    private record Context(Operation operation, Instant now, boolean stored) {}

    private static Observation read(CanonicalForm form, Context context, Problems problems) {
        JsonNode tree = form.tree();
        Operation operation = context.operation();
        Instant now = context.now();
        if (tree == null || !tree.isObject()) {
            problems.add("", "an observation must be a JSON object");
            return null;
        }
        Fields fields = new Fields(tree, "", problems);
        String typeText = fields.requiredText("type");
        ObservationType type = typeText == null ? null : ObservationType.fromWire(typeText);
        if (typeText != null && type == null) {
            problems.add(
                    "type",
                    "unknown type '" + typeText + "'; expected one of convoy.departed, convoy.passed, "
                            + "convoy.halted, convoy.resumed, convoy.arrived, persons.detained, persons.released, "
                            + "count.corrected, incident.reported");
        }
        if (type != null) {
            fields.refuseUnknown(ALLOWED.get(type));
        }
        Header header = header(fields, operation, context.stored() ? null : now);
        if (type == null) {
            return null;
        }
        Observation observation =
                switch (type) {
                    case CONVOY_DEPARTED -> convoyEnd(fields, header, context, true);
                    case CONVOY_PASSED -> passed(fields, header);
                    case CONVOY_HALTED -> halted(fields, header);
                    case CONVOY_RESUMED -> resumed(fields, header);
                    case CONVOY_ARRIVED -> convoyEnd(fields, header, context, false);
                    case PERSONS_DETAINED -> detained(fields, header, operation);
                    case PERSONS_RELEASED -> released(fields, header, operation);
                    case COUNT_CORRECTED -> corrected(fields, header);
                    case INCIDENT_REPORTED -> incident(fields, header);
                };
        if (!context.stored()) {
            Signatures.check(form, header, operation, problems);
        }
        return problems.isEmpty() ? observation : null;
    }

    private static Header header(Fields fields, Operation operation, Instant now) {
        UUID id = fields.requiredUuid("id");
        String operationId = fields.requiredText("operation");
        if (operationId != null && !operationId.equals(operation.id())) {
            fields.problems().add("operation", "must be '" + operation.id() + "', the operation it is sent to");
        }
        OffsetDateTime at = fields.requiredTime("at");
        if (at != null && now != null && at.toInstant().isAfter(now.plus(FUTURE_TOLERANCE))) {
            fields.problems()
                    .add("at", "is more than 5 minutes after the server's time (" + now + "); check the device clock");
        }
        String monitor = fields.requiredSlug("monitor");
        if (monitor != null && operation.monitor(monitor).isEmpty()) {
            fields.problems().add("monitor", "unknown monitor '" + monitor + "' in operation '" + operation.id() + "'");
        }
        String site = fields.requiredSlug("site");
        if (site != null && operation.site(site).isEmpty()) {
            fields.problems().add("site", "unknown site '" + site + "' in operation '" + operation.id() + "'");
        }
        String note = optionalFreeText(fields, "note");
        String signature = fields.optionalText("signature");
        return new Header(id, operation.id(), at, monitor, site, note, signature);
    }

    /**
     * Whether every required header field was read. An incomplete header is still passed on, so that the rules on
     * the fields that were read (a departure's site, a correction's target) are checked and reported in the same pass;
     * it never leaves the reader.
     */
    private static boolean complete(Header header) {
        return header.id() != null && header.at() != null && header.monitor() != null && header.site() != null;
    }

    private static String optionalFreeText(Fields fields, String name) {
        JsonNode value = fields.raw(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            fields.problems().add(name, "must be a string");
            return null;
        }
        return value.textValue();
    }

    /** A departure or an arrival: the same fields, and a site that must be its movement's origin or destination. */
    private static Observation convoyEnd(Fields fields, Header header, Context context, boolean departure) {
        String convoy = fields.requiredSlug("convoy");
        Movement movement = movement(fields, context.operation(), true);
        Long people = fields.requiredCount("people");
        Map<String, Long> vehicles = vehicles(fields);
        String end = movement == null ? null : departure ? movement.from() : movement.to();
        if (!context.stored() && end != null && header.site() != null && !end.equals(header.site())) {
            fields.problems()
                    .add(
                            "site",
                            departure
                                    ? "a departure's site must be its movement's origin '" + end + "'"
                                    : "an arrival's site must be its movement's destination '" + end + "'");
        }
        if (!complete(header) || convoy == null || movement == null || people == null || vehicles == null) {
            return null;
        }
        return departure
                ? new Observation.ConvoyDeparted(header, convoy, movement.id(), people, vehicles)
                : new Observation.ConvoyArrived(header, convoy, movement.id(), people, vehicles);
    }

    private static Observation passed(Fields fields, Header header) {
        String convoy = fields.requiredSlug("convoy");
        Long people = fields.optionalCount("people");
        Map<String, Long> vehicles = vehicles(fields);
        if (!complete(header) || convoy == null || vehicles == null || (fields.has("people") && people == null)) {
            return null;
        }
        return new Observation.ConvoyPassed(header, convoy, people, vehicles);
    }

    private static Observation halted(Fields fields, Header header) {
        String convoy = fields.requiredSlug("convoy");
        String reason = fields.requiredText("reason");
        return !complete(header) || convoy == null || reason == null
                ? null
                : new Observation.ConvoyHalted(header, convoy, reason);
    }

    private static Observation resumed(Fields fields, Header header) {
        String convoy = fields.requiredSlug("convoy");
        return !complete(header) || convoy == null ? null : new Observation.ConvoyResumed(header, convoy);
    }

    private static Observation detained(Fields fields, Header header, Operation operation) {
        Long people = fields.requiredCount("people");
        String convoy = fields.optionalSlug("convoy");
        String by = fields.optionalSlug("by");
        if (by != null && operation.party(by).isEmpty()) {
            fields.problems().add("by", "unknown party '" + by + "' in operation '" + operation.id() + "'");
        }
        if (!complete(header) || people == null || !fields.problems().isEmpty()) {
            return null;
        }
        return new Observation.PersonsDetained(header, people, convoy, by);
    }

    private static Observation released(Fields fields, Header header, Operation operation) {
        Long people = fields.requiredCount("people");
        String to = fields.requiredSlug("to");
        if (to != null && operation.site(to).isEmpty()) {
            fields.problems().add("to", "unknown site '" + to + "' in operation '" + operation.id() + "'");
        }
        Movement movement = movement(fields, operation, false);
        UUID refersTo = fields.optionalUuid("refersTo");
        if (!complete(header)
                || people == null
                || to == null
                || !fields.problems().isEmpty()) {
            return null;
        }
        return new Observation.PersonsReleased(header, people, to, movement == null ? null : movement.id(), refersTo);
    }

    private static Observation corrected(Fields fields, Header header) {
        UUID refersTo = fields.requiredUuid("refersTo");
        Long people = fields.requiredCount("people");
        String reason = fields.requiredText("reason");
        if (refersTo != null && refersTo.equals(header.id())) {
            fields.problems().add("refersTo", "a correction cannot refer to itself");
        }
        if (!complete(header)
                || refersTo == null
                || people == null
                || reason == null
                || !fields.problems().isEmpty()) {
            return null;
        }
        return new Observation.CountCorrected(header, refersTo, people, reason);
    }

    private static Observation incident(Fields fields, Header header) {
        String categoryText = fields.requiredText("category");
        IncidentCategory category = categoryText == null ? null : IncidentCategory.fromWire(categoryText);
        if (categoryText != null && category == null) {
            fields.problems().add("category", "must be one of detention, violence, obstruction, medical, death, other");
        }
        String severityText = fields.requiredText("severity");
        Severity severity = severityText == null ? null : Severity.fromWire(severityText);
        if (severityText != null && severity == null) {
            fields.problems().add("severity", "must be one of low, medium, high, critical");
        }
        Long people = fields.optionalCount("people");
        String description = fields.requiredText("description");
        if (!complete(header)
                || category == null
                || severity == null
                || description == null
                || !fields.problems().isEmpty()) {
            return null;
        }
        return new Observation.IncidentReported(header, category, severity, people, description);
    }

    private static Movement movement(Fields fields, Operation operation, boolean required) {
        String id = required ? fields.requiredSlug("movement") : fields.optionalSlug("movement");
        if (id == null) {
            return null;
        }
        return operation.movement(id).orElseGet(() -> {
            fields.problems().add("movement", "unknown movement '" + id + "' in operation '" + operation.id() + "'");
            return null;
        });
    }

    private static Map<String, Long> vehicles(Fields fields) {
        JsonNode node = fields.raw("vehicles");
        Map<String, Long> vehicles = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return vehicles;
        }
        if (!node.isObject()) {
            fields.problems().add("vehicles", "must be an object of counts by kind, such as {\"bus\": 51}");
            return null;
        }
        Fields counts = new Fields(node, "vehicles", fields.problems());
        boolean ok = true;
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String kind = names.next();
            if (!Fields.SLUG.matcher(kind).matches()) {
                fields.problems().add("vehicles." + kind, "a vehicle kind must be a slug such as bus or ambulance");
                ok = false;
                continue;
            }
            Long count = counts.requiredCount(kind);
            if (count == null) {
                ok = false;
            } else {
                vehicles.put(kind, count);
            }
        }
        return ok ? vehicles : null;
    }
}
