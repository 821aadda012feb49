package org.corridor.tally;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.corridor.core.Times;
import org.corridor.operation.Movement;

/** The alert kinds of CONTRACT §3 and their messages; one alert per kind and subject. */
final class Alerts {
    private static final long HALT_ALERT_AFTER = 2 * 3_600_000_000_000L;

    /** Alerts in a stable order: by kind, then subject. */
    static final Comparator<Alert> ORDER = Comparator.comparing(Alert::kind).thenComparing(Alert::subject);

    private Alerts() {}

    /** The alerts about a convoy that do not depend on the moment asked about. */
    static List<Alert> standing(ConvoyState state) {
        List<Alert> alerts = new ArrayList<>(1);
        String convoy = state.id();
        if (state.dispute() != null) {
            alerts.add(new Alert(
                    "convoy-disputed",
                    convoy,
                    "Monitors disagree on the count of convoy " + convoy + " at its " + state.dispute() + "."));
        }
        if (state.hasArrived() && !state.hasDeparted()) {
            alerts.add(new Alert(
                    "arrival-without-departure",
                    convoy,
                    "Convoy " + convoy + " arrived with " + state.arrived()
                            + " people but no departure has been recorded."));
        }
        if (state.unaccounted() > 0) {
            alerts.add(new Alert(
                    "convoy-unaccounted",
                    convoy,
                    "Convoy " + convoy + " left with " + state.departed() + " and arrived with " + state.arrived()
                            + (state.detained() > 0 ? " (" + state.detained() + " detained)" : "") + ": "
                            + state.unaccounted() + " people are unaccounted for."));
        }
        if (state.hasArrived() && state.hasDeparted() && state.arrived() > state.departed()) {
            alerts.add(new Alert(
                    "convoy-surplus",
                    convoy,
                    "Convoy " + convoy + " arrived with " + state.arrived() + " people, more than the "
                            + state.departed() + " it left with."));
        }
        return alerts;
    }

    /** A halt over 2 hours old at {@code asOf}, for a convoy that has not arrived. */
    static Optional<Alert> halted(ConvoyState state, long asOf) {
        if (!state.isHalted() || asOf - state.haltOrResume().at() <= HALT_ALERT_AFTER) {
            return Optional.empty();
        }
        long hours = (asOf - state.haltOrResume().at()) / 3_600_000_000_000L;
        return Optional.of(new Alert(
                "convoy-halted",
                state.id(),
                "Convoy " + state.id() + " has been halted at "
                        + state.haltOrResume().site() + " for " + hours + " hours or more."));
    }

    static Alert overdue(Movement movement, long remaining) {
        return new Alert(
                "movement-overdue",
                movement.id(),
                "Movement " + movement.id() + " is past its deadline with " + remaining + " of its quota of "
                        + movement.quota() + " still to move.");
    }

    static Alert departureWhilePending(Movement movement, Fact earliest, ZoneId zone) {
        return new Alert(
                "departure-while-pending",
                movement.id(),
                "Convoy " + earliest.convoy() + " left on movement " + movement.id() + " at "
                        + Times.format(Fact.instant(earliest.at()), zone) + ", before the movement opened.");
    }
}
