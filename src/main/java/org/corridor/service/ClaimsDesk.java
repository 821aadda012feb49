package org.corridor.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.corridor.claims.Claim;
import org.corridor.claims.ClaimJson;
import org.corridor.claims.ClaimReader;
import org.corridor.claims.Event;
import org.corridor.claims.Language;
import org.corridor.claims.Modality;
import org.corridor.claims.Place;
import org.corridor.claims.Unit;
import org.corridor.core.FieldProblem;
import org.corridor.core.InvalidInputException;
import org.corridor.core.Times;
import org.corridor.integrity.Jcs;
import org.corridor.ledger.StoredReport;
import org.corridor.operation.Agreement;
import org.corridor.operation.Movement;
import org.corridor.operation.Operation;
import org.corridor.tally.MovementTally;
import org.corridor.tally.Tallies;

/**
 * Reports and the figures they claim, set beside the verified numbers (CONTRACT §7): a report is stored as sent,
 * its claims are read again on each listing (the reader is pure, so they are always what the current reader and
 * definition make of the text), and each claim is compared with the tallies at the moment the report was published.
 *
 * <h2>Design note: what a claim is compared with</h2>
 *
 * <p>A claim of people evacuated (or arrived) is compared with {@code evacuated}, of people departed with
 * {@code departed}, of people detained with {@code detained}. Its scope is the movements whose origin or destination
 * it names, else the whole operation; its moment is the end of its time range, else the report's publication. A
 * claim with a start ("since midnight") is compared with the difference of the figure between the two moments.
 * A planned claim is set against the quotas in scope. Anything else (children, wounded, buses, deaths) Corridor
 * does not count, and is {@code unverifiable}: saying so is more useful than a guess. A reported claim is
 * {@code consistent} when within 10% of the verified figure (for "more than" or "up to", when the figure is on that
 * side of it, 10% allowed), else {@code overstated} or {@code understated}.
 */
public final class ClaimsDesk {
    private static final int MAX_TEXT = 200_000;
    private static final Set<String> FIELDS = Set.of("text", "language", "source", "publishedAt");

    private final CorridorService service;
    private final Map<ReaderKey, ClaimReader> readers = new ConcurrentHashMap<>();

    /** A reader is made for one definition and one gazetteer, and kept while both stand. */
    private record ReaderKey(Operation operation, List<Place> gazetteer) {}

    public ClaimsDesk(CorridorService service) {
        this.service = service;
    }

    /**
     * Stores a report and returns it with the claims read from it.
     *
     * @throws InvalidInputException naming every field at fault; nothing is stored
     */
    public ObjectNode submit(String operationId, JsonNode body) {
        Operation operation = service.operation(operationId);
        ObjectNode report = checked(body);
        UUID id = UUID.randomUUID();
        String canonical = new String(Jcs.canonicalize(report), StandardCharsets.UTF_8);
        StoredReport stored = service.addReport(operation.id(), id, canonical);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("id", id.toString());
        answer.put("seq", stored.seq());
        answer.set("claims", claimsOf(operation, report, id));
        return answer;
    }

    /** Every claim of every report of the operation, beside the verified figure and an assessment. */
    public ArrayNode claims(String operationId) {
        Operation operation = service.operation(operationId);
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        for (StoredReport stored : service.reports(operation.id())) {
            JsonNode report = CorridorService.parseJson(stored.body().getBytes(StandardCharsets.UTF_8));
            claimsOf(operation, report, stored.id()).forEach(all::add);
        }
        return all;
    }

    private ArrayNode claimsOf(Operation operation, JsonNode report, UUID reportId) {
        OffsetDateTime publishedAt = Times.parse(report.get("publishedAt").asText());
        String languageCode = report.path("language").asText(null);
        Language language = languageCode == null ? null : Language.of(languageCode);
        List<Claim> claims = reader(operation)
                .read(report.get("text").asText(), language, publishedAt.atZoneSameInstant(operation.timezone()));
        ArrayNode listed = JsonNodeFactory.instance.arrayNode();
        for (Claim claim : claims) {
            ObjectNode row = ClaimJson.toJson(claim);
            if (claim.source() == null && report.path("source").has("name")) {
                row.put("source", report.path("source").path("name").asText());
            }
            row.put("report", reportId.toString());
            row.put("publishedAt", report.get("publishedAt").asText());
            compare(operation, claim, publishedAt.toInstant(), row);
            listed.add(row);
        }
        return listed;
    }

    private ClaimReader reader(Operation operation) {
        if (readers.size() > 64) {
            readers.clear();
        }
        return readers.computeIfAbsent(new ReaderKey(operation, service.gazetteer()), key -> {
            List<Place> places = new ArrayList<>();
            key.operation().sites().forEach(site -> places.add(Place.of(site)));
            places.addAll(key.gazetteer()); // sites first: an operation's own name for a place wins
            return new ClaimReader(places);
        });
    }

    /** Puts {@code verified} and {@code assessment} on the claim's row. */
    private void compare(Operation operation, Claim claim, Instant publishedAt, ObjectNode row) {
        String figure = figureOf(claim);
        if (figure == null) {
            row.putNull("verified");
            row.put("assessment", "unverifiable");
            return;
        }
        List<Movement> scope = scope(operation, claim);
        Instant to = claim.time() != null && claim.time().to() != null
                ? min(claim.time().to().toInstant(), publishedAt)
                : publishedAt;
        ObjectNode verified = row.putObject("verified");
        verified.put("figure", claim.modality() == Modality.PLANNED ? "quota" : figure);
        ArrayNode movements = verified.putArray("movements");
        scope.forEach(movement -> movements.add(movement.id()));
        if (claim.modality() == Modality.PLANNED) {
            long quota = (scope.isEmpty() ? allMovements(operation) : scope)
                    .stream().mapToLong(Movement::quota).sum();
            verified.put("value", quota);
            row.put("assessment", "planned");
            return;
        }
        long value = value(operation, figure, scope, to);
        if (claim.time() != null && claim.time().from() != null) {
            Instant from = claim.time().from().toInstant();
            verified.put("from", Times.format(from, operation.timezone()));
            value -= value(operation, figure, scope, from);
        }
        verified.put("asOf", Times.format(to, operation.timezone()));
        verified.put("value", value);
        row.put("assessment", assessment(claim, value));
    }

    /** The tallied figure a claim speaks of, or null when Corridor does not count it. */
    private static String figureOf(Claim claim) {
        if (claim.unit() != Unit.PEOPLE && !(claim.unit() == Unit.DETAINEES && claim.event() == Event.DETAINED)) {
            return null;
        }
        if (claim.event() == null) {
            return null;
        }
        return switch (claim.event()) {
            case EVACUATED, ARRIVED -> "evacuated";
            case DEPARTED -> "departed";
            case DETAINED -> "detained";
            default -> null;
        };
    }

    /** The movements whose origin or destination the claim names; none when it names no such place. */
    private static List<Movement> scope(Operation operation, Claim claim) {
        Set<String> named = new HashSet<>();
        claim.places().forEach(place -> named.add(place.id()));
        List<Movement> scope = new ArrayList<>();
        for (Movement movement : allMovements(operation)) {
            if (named.contains(movement.from()) || named.contains(movement.to())) {
                scope.add(movement);
            }
        }
        return scope;
    }

    private static List<Movement> allMovements(Operation operation) {
        List<Movement> movements = new ArrayList<>();
        for (Agreement agreement : operation.agreements()) {
            movements.addAll(agreement.movements());
        }
        return movements;
    }

    private long value(Operation operation, String figure, List<Movement> scope, Instant at) {
        Tallies tallies = service.tallies(operation.id(), at);
        if (figure.equals("evacuated") && !scope.isEmpty()) {
            Set<String> ids = new HashSet<>();
            scope.forEach(movement -> ids.add(movement.id()));
            return tallies.movements().stream()
                    .filter(movement -> ids.contains(movement.id()))
                    .mapToLong(MovementTally::evacuated)
                    .sum();
        }
        return switch (figure) {
            case "evacuated" -> tallies.evacuated();
            case "departed" -> tallies.departed();
            default -> tallies.detained();
        };
    }

    static String assessment(Claim claim, long verified) {
        double low = verified * 0.9;
        double high = verified * 1.1;
        if (claim.bound() == Claim.Bound.AT_LEAST) {
            return verified >= claim.quantity() * 0.9 ? "consistent" : "overstated";
        }
        if (claim.bound() == Claim.Bound.AT_MOST) {
            return verified <= claim.quantity() * 1.1 ? "consistent" : "understated";
        }
        long top = claim.upTo() > 0 ? claim.upTo() : claim.quantity();
        if (top >= low && claim.quantity() <= high) {
            return "consistent";
        }
        return claim.quantity() > high ? "overstated" : "understated";
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The report as it will be stored, once every field is checked; every problem is named at once. */
    private static ObjectNode checked(JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of(
                    "", "a report is a JSON object: {\"text\", \"language\"?, \"source\"?," + " \"publishedAt\"}");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problems.add(
                        new FieldProblem(name, "is not a field of a report (text, language, source, publishedAt)"));
            }
        });
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            problems.add(new FieldProblem("text", "is required: the report's text, Arabic or English"));
        } else if (text.asText().length() > MAX_TEXT) {
            problems.add(new FieldProblem("text", "is longer than " + MAX_TEXT + " characters: send it in parts"));
        }
        JsonNode language = body.get("language");
        if (language != null && !(language.isTextual() && Set.of("ar", "en").contains(language.asText()))) {
            problems.add(new FieldProblem("language", "must be \"ar\" or \"en\", or left out to be detected"));
        }
        checkSource(body.get("source"), problems);
        JsonNode publishedAt = body.get("publishedAt");
        if (publishedAt == null || !publishedAt.isTextual()) {
            problems.add(new FieldProblem("publishedAt", "is required: when the report was published, with an offset"));
        } else {
            try {
                Times.parse(publishedAt.asText());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("publishedAt", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("report refused", problems);
        }
        return (ObjectNode) body;
    }

    private static void checkSource(JsonNode source, List<FieldProblem> problems) {
        if (source == null) {
            return;
        }
        if (!source.isObject()
                || !source.path("name").isTextual()
                || source.path("name").asText().isBlank()) {
            problems.add(new FieldProblem("source.name", "is required when source is given: who published it"));
            return;
        }
        source.fieldNames().forEachRemaining(name -> {
            if (!name.equals("name") && !name.equals("url")) {
                problems.add(new FieldProblem("source." + name, "is not a field of a source (name, url)"));
            }
        });
        JsonNode url = source.get("url");
        if (url != null && !(url.isTextual() && url.asText().matches("https?://\\S+"))) {
            problems.add(new FieldProblem("source.url", "must be an http or https address"));
        }
    }
}
