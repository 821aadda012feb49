package org.corridor.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.corridor.observation.ObservationType;

/**
 * What is known of one convoy: its winning departure and arrival with their counts after corrections, the people
 * detained from it, its latest halt or resumption, its latest observation, and whether its counts are disputed.
 *
 * @param departed the departure's count, or -1 when no departure is known
 * @param arrived the arrival's count, or -1 when it has not arrived
 * @param haltOrResume the latest halt or resumption, or null
 * @param dispute the stage at which two monitors disagree ("departure", "arrival", "passage at SITE"), or null
 */
record ConvoyState(
        String id,
        Fact departure,
        long departed,
        Fact arrival,
        long arrived,
        long detained,
        Fact haltOrResume,
        Fact latest,
        String dispute) {

    static ConvoyState of(String id, List<Fact> facts, FactSet set) {
        Fact departure = null;
        Fact arrival = null;
        Fact haltOrResume = null;
        Fact latest = null;
        long detained = 0;
        List<Fact> reports = new ArrayList<>(facts.size());
        for (Fact fact : facts) {
            latest = winner(latest, fact);
            switch (fact.type()) {
                case CONVOY_DEPARTED -> {
                    departure = winner(departure, fact);
                    reports.add(fact);
                }
                case CONVOY_ARRIVED -> {
                    arrival = winner(arrival, fact);
                    reports.add(fact);
                }
                case CONVOY_PASSED -> {
                    if (fact.hasPeople()) {
                        reports.add(fact);
                    }
                }
                case CONVOY_HALTED, CONVOY_RESUMED -> haltOrResume = winner(haltOrResume, fact);
                case PERSONS_DETAINED -> detained += set.count(fact);
                default -> {}
            }
        }
        return new ConvoyState(
                id,
                departure,
                departure == null ? -1 : set.count(departure),
                arrival,
                arrival == null ? -1 : set.count(arrival),
                detained,
                haltOrResume,
                latest,
                dispute(reports, set));
    }

    private static Fact winner(Fact current, Fact candidate) {
        return current == null || Fact.WINNER_FIRST.compare(candidate, current) < 0 ? candidate : current;
    }

    /**
     * The first stage (in name order) where two monitors reported different counts, or null. {@code reports} are the
     * convoy's departures, arrivals and passages with a count; a stage is named only when it is disputed, as most
     * convoys have one report per stage and no dispute.
     */
    private static String dispute(List<Fact> reports, FactSet set) {
        String first = null;
        for (int i = 0; i < reports.size(); i++) {
            for (int j = i + 1; j < reports.size(); j++) {
                Fact a = reports.get(i);
                Fact b = reports.get(j);
                if (sameStage(a, b) && !a.monitor().equals(b.monitor()) && set.count(a) != set.count(b)) {
                    String stage = stage(a);
                    first = first == null || stage.compareTo(first) < 0 ? stage : first;
                }
            }
        }
        return first;
    }

    private static boolean sameStage(Fact a, Fact b) {
        return a.type() == b.type()
                && (a.type() != ObservationType.CONVOY_PASSED || Objects.equals(a.site(), b.site()));
    }

    private static String stage(Fact report) {
        return switch (report.type()) {
            case CONVOY_DEPARTED -> "departure";
            case CONVOY_ARRIVED -> "arrival";
            default -> "passage at " + report.site();
        };
    }

    boolean hasDeparted() {
        return departure != null;
    }

    boolean hasArrived() {
        return arrival != null;
    }

    /** The movement its departure names, else its arrival's, else null. */
    String movement() {
        return departure != null ? departure.movement() : arrival != null ? arrival.movement() : null;
    }

    boolean isHalted() {
        return arrival == null && haltOrResume != null && haltOrResume.type() == ObservationType.CONVOY_HALTED;
    }

    String status() {
        return hasArrived() ? "arrived" : isHalted() ? "halted" : "departed";
    }

    /** People aboard: departed minus detained from it, not below 0. */
    long aboard() {
        return Math.max(0, departed - detained);
    }

    /** Departed − arrived − detained, where positive, for a convoy with both; else 0. */
    long unaccounted() {
        return hasDeparted() && hasArrived() ? Math.max(0, departed - arrived - detained) : 0;
    }
}
