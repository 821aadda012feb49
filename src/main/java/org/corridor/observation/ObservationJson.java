package org.corridor.observation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import org.corridor.core.CorridorException;
import org.corridor.ledger.NewEntry;
import org.corridor.ledger.References;

/** The stored form of an observation: its JSON as sent, with keys sorted and no spaces, and what it references. */
public final class ObservationJson {
    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ObservationJson() {}

    /** The canonical text of a JSON tree: object keys sorted, no insignificant whitespace. */
    public static String canonical(JsonNode tree) {
        try {
            Object plain = SORTED.treeToValue(tree, Object.class);
            return SORTED.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new CorridorException("could not write an observation as JSON", e);
        }
    }

    /** The entry to append for an observation read from {@code tree}. */
    public static NewEntry entry(Observation observation, JsonNode tree) {
        return new NewEntry(
                observation.id(),
                observation.type().wireName(),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        observation.header().at().withOffsetSameInstant(ZoneOffset.UTC)),
                canonical(tree),
                references(observation));
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
