package org.corridor.observation;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

/**
 * What a monitor saw, one of the nine types of the contract. A {@code switch} over an observation has no default,
 * so a new type breaks every place that must handle it.
 */
public sealed interface Observation {
    /**
     * The precedence rule between competing observations: the later {@code at} wins, ties broken by the smaller id.
     * Sorting with this comparator puts the winner first.
     */
    Comparator<Observation> WINNER_FIRST =
            Comparator.comparing(Observation::instant).reversed().thenComparing(Observation::idText);

    /** Chronological order: by {@code at}, then by id. */
    Comparator<Observation> CHRONOLOGICAL =
            Comparator.comparing(Observation::instant).thenComparing(Observation::idText);

    Header header();

    ObservationType type();

    default UUID id() {
        return header().id();
    }

    default String idText() {
        return header().idText();
    }

    default Instant instant() {
        return header().instant();
    }

    default String monitor() {
        return header().monitor();
    }

    default String site() {
        return header().site();
    }

    /** The convoy it is about, or null. */
    default String convoyOrNull() {
        return switch (this) {
            case ConvoyDeparted o -> o.convoy();
            case ConvoyPassed o -> o.convoy();
            case ConvoyHalted o -> o.convoy();
            case ConvoyResumed o -> o.convoy();
            case ConvoyArrived o -> o.convoy();
            case PersonsDetained o -> o.convoy();
            case PersonsReleased o -> null;
            case CountCorrected o -> null;
            case IncidentReported o -> null;
        };
    }

    /** The people count it reports, or null when it reports none. */
    default Long peopleOrNull() {
        return switch (this) {
            case ConvoyDeparted o -> o.people();
            case ConvoyPassed o -> o.people();
            case ConvoyHalted o -> null;
            case ConvoyResumed o -> null;
            case ConvoyArrived o -> o.people();
            case PersonsDetained o -> o.people();
            case PersonsReleased o -> o.people();
            case CountCorrected o -> o.people();
            case IncidentReported o -> o.people();
        };
    }

    /** A convoy left its movement's origin with {@code people} aboard. */
    record ConvoyDeparted(Header header, String convoy, String movement, long people, Map<String, Long> vehicles)
            implements Observation {
        public ConvoyDeparted {
            vehicles = Map.copyOf(vehicles);
        }

        @Override
        public ObservationType type() {
            return ObservationType.CONVOY_DEPARTED;
        }
    }

    /** A convoy passed a checkpoint. */
    record ConvoyPassed(Header header, String convoy, Long people, Map<String, Long> vehicles) implements Observation {
        public ConvoyPassed {
            vehicles = Map.copyOf(vehicles);
        }

        @Override
        public ObservationType type() {
            return ObservationType.CONVOY_PASSED;
        }
    }

    /** A convoy was stopped. */
    record ConvoyHalted(Header header, String convoy, String reason) implements Observation {
        @Override
        public ObservationType type() {
            return ObservationType.CONVOY_HALTED;
        }
    }

    /** A halted convoy moves again. */
    record ConvoyResumed(Header header, String convoy) implements Observation {
        @Override
        public ObservationType type() {
            return ObservationType.CONVOY_RESUMED;
        }
    }

    /** A convoy reached its movement's destination with {@code people}. */
    record ConvoyArrived(Header header, String convoy, String movement, long people, Map<String, Long> vehicles)
            implements Observation {
        public ConvoyArrived {
            vehicles = Map.copyOf(vehicles);
        }

        @Override
        public ObservationType type() {
            return ObservationType.CONVOY_ARRIVED;
        }
    }

    /**
     * People were taken off a convoy or held.
     *
     * @param convoy null when not from a convoy
     * @param by the holding party's id, or null
     */
    record PersonsDetained(Header header, long people, String convoy, String by) implements Observation {
        @Override
        public ObservationType type() {
            return ObservationType.PERSONS_DETAINED;
        }
    }

    /**
     * Detained people were let go, to a site.
     *
     * @param movement the movement they count for, or null
     * @param refersTo the detention's id, or null
     */
    record PersonsReleased(Header header, long people, String to, String movement, UUID refersTo)
            implements Observation {
        @Override
        public ObservationType type() {
            return ObservationType.PERSONS_RELEASED;
        }
    }

    /** A coordinator replaces the count of the observation {@code refersTo}. */
    record CountCorrected(Header header, UUID refersTo, long people, String reason) implements Observation {
        @Override
        public ObservationType type() {
            return ObservationType.COUNT_CORRECTED;
        }
    }

    /** Anything else of note. */
    record IncidentReported(
            Header header, IncidentCategory category, Severity severity, Long people, String description)
            implements Observation {
        @Override
        public ObservationType type() {
            return ObservationType.INCIDENT_REPORTED;
        }
    }
}
