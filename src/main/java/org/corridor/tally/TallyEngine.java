package org.corridor.tally;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corridor.core.Times;
import org.corridor.observation.Observation;
import org.corridor.operation.Movement;
import org.corridor.operation.Opening;
import org.corridor.operation.Operation;

/**
 * The numbers of CONTRACT §3 as pure functions of (operation, observations, time).
 *
 * <p>Design note. The computation has two steps. First, each convoy's facts reduce to a {@link ConvoyState}: the
 * winning departure and arrival (later {@code at}, then smaller id), their counts after the winning correction, the
 * people detained from it, its latest halt or resumption and whether two monitors disagree. Second, the states, the
 * releases and the detentions not tied to a convoy are summed into the totals, per-movement figures and alerts. Every
 * step reads the set of facts, never their arrival order, and a repeated id is dropped on entry, so the result cannot
 * depend on order or duplication. {@link LiveTallies} keeps the first step's results between calls and recomputes
 * only the convoys a new observation touches.
 */
public final class TallyEngine {
    private static final long HOUR = 3_600_000_000_000L;
    private static final long RATE_WINDOW = 6 * HOUR;
    private static final long HALT_ALERT_AFTER = 2 * HOUR;

    private TallyEngine() {}

    /** The tallies of {@code observations} (a set: duplicates by id count once) as of {@code asOf}. */
    public static Tallies tallies(Operation operation, Collection<? extends Observation> observations, Instant asOf) {
        FactSet facts = factsUpTo(observations, asOf);
        return tallies(operation, facts, states(facts), Fact.nanos(asOf));
    }

    /** The convoy board of {@code observations} as of {@code asOf}, ordered by convoy id. */
    public static List<ConvoyView> convoys(
            Operation operation, Collection<? extends Observation> observations, Instant asOf) {
        FactSet facts = factsUpTo(observations, asOf);
        return board(operation.timezone(), states(facts));
    }

    private static FactSet factsUpTo(Collection<? extends Observation> observations, Instant asOf) {
        long limit = Fact.nanos(asOf);
        Interner interner = new Interner();
        FactSet facts = new FactSet();
        for (Observation observation : observations) {
            if (Fact.nanos(observation.instant()) <= limit) {
                facts.add(Fact.of(observation, interner));
            }
        }
        return facts;
    }

    static List<ConvoyState> states(FactSet facts) {
        List<ConvoyState> states = new ArrayList<>();
        for (String convoy : facts.convoys()) {
            states.add(facts.convoy(convoy));
        }
        return states;
    }

    static List<ConvoyView> board(ZoneId zone, Collection<ConvoyState> states) {
        return states.stream()
                .sorted(Comparator.comparing(ConvoyState::id))
                .map(state -> new ConvoyView(
                        state.id(),
                        state.movement(),
                        state.status(),
                        state.hasDeparted() ? state.departed() : null,
                        state.hasArrived() ? state.arrived() : null,
                        state.detained(),
                        state.latest().site(),
                        Times.format(Fact.instant(state.latest().at()), zone),
                        state.dispute() != null))
                .toList();
    }

    /** One person-count that counts as evacuated for a movement: a convoy's arrival or a release to its destination. */
    private record Evacuation(Fact fact, String movement, long people) {}

    static Tallies tallies(Operation operation, FactSet facts, Collection<ConvoyState> states, long asOf) {
        ZoneId zone = operation.timezone();
        Instant asOfInstant = Fact.instant(asOf);
        long midnight = Fact.nanos(
                asOfInstant.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant());
        Map<String, Movement> movements = operation.movementsById();

        long departed = 0;
        long inTransit = 0;
        long unaccounted = 0;
        long detained = 0;
        Map<String, Long> inTransitByMovement = new HashMap<>();
        List<Evacuation> evacuations = new ArrayList<>();
        for (ConvoyState state : states) {
            detained += state.detained();
            if (state.hasDeparted()) {
                departed += state.departed();
                if (!state.hasArrived()) {
                    inTransit += state.aboard();
                    inTransitByMovement.merge(state.departure().movement(), state.aboard(), Long::sum);
                }
            }
            if (state.hasArrived()) {
                evacuations.add(new Evacuation(state.arrival(), state.arrival().movement(), state.arrived()));
            }
            unaccounted += state.unaccounted();
        }
        for (Fact detention : facts.looseDetentions()) {
            detained += facts.count(detention);
        }
        long released = 0;
        for (Fact release : facts.releases()) {
            long people = facts.count(release);
            released += people;
            Movement movement = release.movement() == null ? null : movements.get(release.movement());
            if (movement != null && movement.to().equals(release.to())) {
                evacuations.add(new Evacuation(release, movement.id(), people));
            }
        }

        long evacuated = 0;
        long sinceMidnight = 0;
        Map<String, List<Evacuation>> byMovement = new HashMap<>();
        for (Evacuation evacuation : evacuations) {
            evacuated += evacuation.people();
            if (evacuation.fact().at() >= midnight) {
                sinceMidnight += evacuation.people();
            }
            byMovement
                    .computeIfAbsent(evacuation.movement(), m -> new ArrayList<>())
                    .add(evacuation);
        }

        Map<String, Long> openedAt = new HashMap<>();
        for (Movement movement : movements.values()) {
            Long opened = openedAt(movement, byMovement);
            if (opened != null) {
                openedAt.put(movement.id(), opened);
            }
        }

        List<MovementTally> movementTallies = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        for (Movement movement : movements.values()) {
            List<Evacuation> moved = byMovement.getOrDefault(movement.id(), List.of());
            long movementEvacuated = 0;
            long lastSixHours = 0;
            for (Evacuation evacuation : moved) {
                movementEvacuated += evacuation.people();
                if (evacuation.fact().at() > asOf - RATE_WINDOW) {
                    lastSixHours += evacuation.people();
                }
            }
            long remaining = Math.max(0, movement.quota() - movementEvacuated);
            double rate = lastSixHours / 6.0;
            String status = status(movement, movementEvacuated, openedAt.get(movement.id()), asOf);
            String eta = null;
            if (rate > 0 && !status.equals("completed")) {
                long etaNanos = asOf + (long) Math.ceil(remaining / rate * HOUR);
                eta = Times.format(Fact.instant(etaNanos - Math.floorMod(etaNanos, 1_000_000_000L)), zone);
            }
            Long opened = openedAt.get(movement.id());
            movementTallies.add(new MovementTally(
                    movement.id(),
                    movement.quota(),
                    movementEvacuated,
                    inTransitByMovement.getOrDefault(movement.id(), 0L),
                    remaining,
                    (double) movementEvacuated / movement.quota(),
                    status,
                    opened == null ? null : Times.format(Fact.instant(opened), zone),
                    rate,
                    eta));
            if (status.equals("overdue")) {
                alerts.add(new Alert(
                        "movement-overdue",
                        movement.id(),
                        "Movement " + movement.id() + " is past its deadline with " + remaining + " of its quota of "
                                + movement.quota() + " still to move."));
            }
        }
        alerts.addAll(convoyAlerts(states, asOf));
        alerts.addAll(departuresWhilePending(states, movements, openedAt, zone));
        alerts.sort(Comparator.comparing(Alert::kind).thenComparing(Alert::subject));

        return new Tallies(
                operation.id(),
                Times.format(asOfInstant, zone),
                departed,
                evacuated,
                inTransit,
                Math.max(0, detained - released),
                unaccounted,
                sinceMidnight,
                movementTallies,
                alerts);
    }

    /**
     * When a movement opened, in nanoseconds: its {@code opens.at}; for {@code opens.after}, the {@code at} of the
     * evacuation that brought the other movement's count to the threshold, counting in order of {@code at}, then id;
     * null when it has no opening or the threshold has not been reached.
     */
    private static Long openedAt(Movement movement, Map<String, List<Evacuation>> byMovement) {
        return switch (movement.opens()) {
            case null -> null;
            case Opening.AtTime at -> Fact.nanos(at.at().toInstant());
            case Opening.AfterMovement after -> {
                List<Evacuation> moved = new ArrayList<>(byMovement.getOrDefault(after.movement(), List.of()));
                moved.sort(Comparator.comparing(Evacuation::fact, Fact.CHRONOLOGICAL));
                long total = 0;
                Long reached = null;
                for (Evacuation evacuation : moved) {
                    total += evacuation.people();
                    if (total >= after.reaches()) {
                        reached = evacuation.fact().at();
                        break;
                    }
                }
                yield reached;
            }
        };
    }

    private static String status(Movement movement, long evacuated, Long openedAt, long asOf) {
        if (evacuated >= movement.quota()) {
            return "completed";
        }
        if (movement.deadline() != null && asOf > Fact.nanos(movement.deadline().toInstant())) {
            return "overdue";
        }
        boolean opened = movement.opens() == null || (openedAt != null && openedAt <= asOf);
        return opened ? "open" : "pending";
    }

    private static List<Alert> convoyAlerts(Collection<ConvoyState> states, long asOf) {
        List<Alert> alerts = new ArrayList<>();
        for (ConvoyState state : states) {
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
            if (state.isHalted() && asOf - state.haltOrResume().at() > HALT_ALERT_AFTER) {
                long hours = (asOf - state.haltOrResume().at()) / HOUR;
                alerts.add(new Alert(
                        "convoy-halted",
                        convoy,
                        "Convoy " + convoy + " has been halted at "
                                + state.haltOrResume().site() + " for " + hours + " hours or more."));
            }
        }
        return alerts;
    }

    private static List<Alert> departuresWhilePending(
            Collection<ConvoyState> states, Map<String, Movement> movements, Map<String, Long> openedAt, ZoneId zone) {
        Map<String, Fact> earliestEarly = new HashMap<>();
        for (ConvoyState state : states) {
            if (!state.hasDeparted()) {
                continue;
            }
            Movement movement = movements.get(state.departure().movement());
            if (movement == null || movement.opens() == null) {
                continue;
            }
            Long opened = openedAt.get(movement.id());
            if (opened == null || state.departure().at() < opened) {
                earliestEarly.merge(
                        movement.id(), state.departure(), (a, b) -> Fact.CHRONOLOGICAL.compare(a, b) <= 0 ? a : b);
            }
        }
        List<Alert> alerts = new ArrayList<>();
        earliestEarly.forEach((movement, departure) -> alerts.add(new Alert(
                "departure-while-pending",
                movement,
                "Convoy " + departure.convoy() + " left on movement " + movement + " at "
                        + Times.format(Fact.instant(departure.at()), zone) + ", before the movement opened.")));
        return alerts;
    }
}
