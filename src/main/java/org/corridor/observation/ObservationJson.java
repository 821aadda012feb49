package org.corridor.observation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import org.corridor.core.InvalidInputException;
import org.corridor.integrity.CanonicalizationException;
import org.corridor.ledger.NewEntry;
import org.corridor.ledger.References;

/** The stored form of an observation: its JSON as sent, in RFC 8785 canonical form, and what it references. */
public final class ObservationJson {
    private ObservationJson() {}

    /**
     * The canonical text of a JSON tree, RFC 8785 (JCS): what is stored, served, and (issue 6) hashed into the log.
     *
     * @throws org.corridor.core.InvalidInputException when the tree has no canonical form (a string holding a lone
     *     surrogate), naming no content
     */
    public static String canonical(JsonNode tree) {
        return canonical(CanonicalForm.of(tree));
    }

    private static String canonical(CanonicalForm form) {
        try {
            return form.text();
        } catch (CanonicalizationException e) {
            throw InvalidInputException.of("", "the observation has no canonical JSON form: " + e.getMessage());
        }
    }

    /** The entry to append for an observation read from {@code tree}. */
    public static NewEntry entry(Observation observation, JsonNode tree) {
        return entry(observation, CanonicalForm.of(tree));
    }

    /** The entry to append for an observation read from {@code form}, whose canonical text may be worked out already. */
    public static NewEntry entry(Observation observation, CanonicalForm form) {
        return new NewEntry(
                observation.id(),
                observation.type().wireName(),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        observation.header().at().withOffsetSameInstant(ZoneOffset.UTC)),
                canonical(form),
                references(observation));
    }

    /** Every id an operation defines, by kind: what a replacement definition is checked against. */
    public static References defined(org.corridor.operation.Operation operation) {
        Set<String> movements = new HashSet<>();
        operation.agreements().forEach(agreement -> agreement.movements().forEach(m -> movements.add(m.id())));
        Set<String> sites = new HashSet<>();
        operation.sites().forEach(site -> sites.add(site.id()));
        Set<String> monitors = new HashSet<>();
        operation.monitors().forEach(monitor -> monitors.add(monitor.id()));
        Set<String> parties = new HashSet<>();
        operation.parties().forEach(party -> parties.add(party.id()));
        return new References(sites, movements, monitors, parties);
    }

    /** The defined ids an observation uses. */
    public static References references(Observation observation) {
        Set<String> sites = new HashSet<>();
        Set<String> movements = new HashSet<>();
        Set<String> parties = new HashSet<>();
        sites.add(observation.site());
        switch (observation) {
            case Observation.ConvoyDeparted o -> movements.add(o.movement());
            case Observation.ConvoyArrived o -> movements.add(o.movement());
            case Observation.PersonsDetained o -> {
                if (o.by() != null) {
                    parties.add(o.by());
                }
            }
            case Observation.PersonsReleased o -> {
                sites.add(o.to());
                if (o.movement() != null) {
                    movements.add(o.movement());
                }
            }
            case Observation.ConvoyPassed o -> {}
            case Observation.ConvoyHalted o -> {}
            case Observation.ConvoyResumed o -> {}
            case Observation.CountCorrected o -> {}
            case Observation.IncidentReported o -> {}
        }
        return new References(sites, movements, Set.of(observation.monitor()), parties);
    }
}
