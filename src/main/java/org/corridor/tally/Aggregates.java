package org.corridor.tally;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.corridor.core.Times;
import org.corridor.operation.Movement;
import org.corridor.operation.Opening;
import org.corridor.operation.Operation;

/**
 * Running sums over convoy states and stand-alone facts, from which the tallies for any moment not before the latest
 * fact are assembled. A state or fact is added with sign +1 and taken back with -1, so a change to one convoy costs
 * only that convoy. Evacuations and departures are kept in time order per movement, so that "since midnight", the
 * 6-hour rate, the moment a linked movement opened and the earliest early departure are found without a full pass.
 */
final class Aggregates {
    private static final long HOUR = 3_600_000_000_000L;
    private static final long RATE_WINDOW = 6 * HOUR;

    private final Map<String, Movement> movements;
    private long departed;
    private long inTransit;
    private long unaccounted;
    private long detained;
    private long released;
    private final Map<String, Long> inTransitByMovement = new HashMap<>();
    private final Map<String, Long> evacuatedByMovement = new HashMap<>();
    private final Map<String, Chronicle<Long>> evacuationsByMovement = new HashMap<>();
    private final Map<String, Chronicle<Fact>> departuresByMovement = new HashMap<>();
    private final NavigableMap<String, ConvoyState> haltedConvoys;
    private final NavigableMap<String, List<Alert>> convoyAlerts;

    Aggregates(Operation operation) {
        this.movements = operation.movementsById();
        this.haltedConvoys = new TreeMap<>();
        this.convoyAlerts = new TreeMap<>();
    }

    private Aggregates(Aggregates from) {
        this.movements = from.movements;
        this.departed = from.departed;
        this.inTransit = from.inTransit;
        this.unaccounted = from.unaccounted;
        this.detained = from.detained;
        this.released = from.released;
        this.inTransitByMovement.putAll(from.inTransitByMovement);
        this.evacuatedByMovement.putAll(from.evacuatedByMovement);
        from.evacuationsByMovement.forEach((movement, facts) -> evacuationsByMovement.put(movement, facts.fork()));
        from.departuresByMovement.forEach((movement, facts) -> departuresByMovement.put(movement, facts.fork()));
        this.haltedConvoys = new TreeMap<>(from.haltedConvoys);
        this.convoyAlerts = new TreeMap<>(from.convoyAlerts);
    }

    /**
     * A copy to change apart from this one: the same sums, sharing the time-ordered evacuations and departures until
     * either changes them (see {@link Chronicle}). Costs the halted and alerting convoys and an entry per hour of
     * the operation, not the convoys.
     */
    Aggregates fork() {
        return new Aggregates(this);
    }

    /** Sums built from scratch over every convoy and stand-alone fact of {@code facts}. */
    static Aggregates of(Operation operation, FactSet facts) {
        return of(operation, facts, facts.states(Map.of()));
    }

    /** Sums built from scratch over {@code states}, the states of the convoys of {@code facts}, and its other facts. */
    static Aggregates of(Operation operation, FactSet facts, Collection<ConvoyState> states) {
        Aggregates aggregates = new Aggregates(operation);
        for (ConvoyState state : states) {
            aggregates.apply(state, 1);
        }
        for (Fact release : facts.releases()) {
            aggregates.applyStandalone(release, facts.count(release), 1);
        }
        for (Fact detention : facts.looseDetentions()) {
            aggregates.applyStandalone(detention, facts.count(detention), 1);
        }
        return aggregates;
    }

    /** Adds ({@code sign} = 1) or takes back (-1) one convoy's contribution. */
    void apply(ConvoyState state, int sign) {
        detained += sign * state.detained();
        unaccounted += sign * state.unaccounted();
        if (state.hasDeparted()) {
            departed += sign * state.departed();
            String movement = state.departure().movement();
            index(departuresByMovement, movement, state.departure(), state.departure(), sign);
            if (!state.hasArrived()) {
                inTransit += sign * state.aboard();
                inTransitByMovement.merge(movement, sign * state.aboard(), Long::sum);
            }
        }
        if (state.hasArrived()) {
            evacuation(state.arrival().movement(), state.arrival(), state.arrived(), sign);
        }
        if (sign > 0) {
            if (state.isHalted()) {
                haltedConvoys.put(state.id(), state);
            }
            List<Alert> alerts = Alerts.standing(state);
            if (!alerts.isEmpty()) {
                convoyAlerts.put(state.id(), alerts);
            }
        } else {
            haltedConvoys.remove(state.id());
            convoyAlerts.remove(state.id());
        }
    }

    /** Adds or takes back a release or a detention not tied to a convoy, with its count after corrections. */
    void applyStandalone(Fact fact, long people, int sign) {
        switch (fact.type()) {
            case PERSONS_RELEASED -> {
                released += sign * people;
                Movement movement = fact.movement() == null ? null : movements.get(fact.movement());
                if (movement != null && movement.to().equals(fact.to())) {
                    evacuation(movement.id(), fact, people, sign);
                }
            }
            case PERSONS_DETAINED -> detained += sign * people;
            default -> throw new IllegalArgumentException("not a stand-alone fact: " + fact.type());
        }
    }

    private void evacuation(String movement, Fact fact, long people, int sign) {
        evacuatedByMovement.merge(movement, sign * people, Long::sum);
        index(evacuationsByMovement, movement, fact, people, sign);
    }

    private static <V> void index(Map<String, Chronicle<V>> byMovement, String movement, Fact fact, V value, int sign) {
        Chronicle<V> ordered = byMovement.computeIfAbsent(movement, m -> new Chronicle<>());
        if (sign > 0) {
            ordered.put(fact, value);
        } else {
            ordered.remove(fact);
        }
    }

    /** The tallies as of {@code asOf}, which must not be before any fact summed here. */
    Tallies tallies(Operation operation, long asOf) {
        ZoneId zone = operation.timezone();
        Instant asOfInstant = Fact.instant(asOf);
        Fact midnight = Fact.boundary(Fact.nanos(
                asOfInstant.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant()));
        Fact rateStart = Fact.boundary(asOf - RATE_WINDOW + 1);

        long evacuated = 0;
        long sinceMidnight = 0;
        for (Map.Entry<String, Chronicle<Long>> entry : evacuationsByMovement.entrySet()) {
            evacuated += evacuatedByMovement.getOrDefault(entry.getKey(), 0L);
            sinceMidnight += sum(entry.getValue().from(midnight));
        }

        List<MovementTally> movementTallies = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        for (Movement movement : movements.values()) {
            long movementEvacuated = evacuatedByMovement.getOrDefault(movement.id(), 0L);
            Chronicle<Long> moved = evacuationsByMovement.get(movement.id());
            double rate = moved == null ? 0 : sum(moved.from(rateStart)) / 6.0;
            Long opened = openedAt(movement);
            long remaining = Math.max(0, movement.quota() - movementEvacuated);
            String status = status(movement, movementEvacuated, opened, asOf);
            String eta = rate > 0 && !status.equals("completed") ? eta(asOf, remaining, rate, zone) : null;
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
                alerts.add(Alerts.overdue(movement, remaining));
            }
            Chronicle<Fact> departures = departuresByMovement.get(movement.id());
            if (movement.opens() != null && departures != null && !departures.isEmpty()) {
                Fact earliest = departures.first();
                if (opened == null || earliest.at() < opened) {
                    alerts.add(Alerts.departureWhilePending(movement, earliest, zone));
                }
            }
        }
        convoyAlerts.values().forEach(alerts::addAll);
        for (ConvoyState halted : haltedConvoys.values()) {
            Alerts.halted(halted, asOf).ifPresent(alerts::add);
        }
        alerts.sort(Alerts.ORDER);

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
     * T + remaining ÷ rate, cut to the second; null when that lies beyond the times Corridor handles (a trickle against a
     * large quota can put it centuries away).
     */
    static String eta(long asOf, long remaining, double rate, ZoneId zone) {
        double seconds = Math.floor(remaining / rate * 3600);
        long asOfSecond = Math.floorDiv(asOf, 1_000_000_000L);
        if (asOfSecond + seconds >= Times.END.getEpochSecond()) {
            return null;
        }
        return Times.format(Instant.ofEpochSecond(asOfSecond + (long) seconds), zone);
    }

    private static long sum(java.util.stream.Stream<Map.Entry<Fact, Long>> counts) {
        return counts.mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * When a movement opened, in nanoseconds: its {@code opens.at}; for {@code opens.after}, the {@code at} of the
     * evacuation that brought the other movement's count to the threshold, counting in order of {@code at}, then id;
     * null when it has no opening or the threshold has not been reached.
     */
    private Long openedAt(Movement movement) {
        return switch (movement.opens()) {
            case null -> null;
            case Opening.AtTime at -> Fact.nanos(at.at().toInstant());
            case Opening.AfterMovement after -> {
                if (evacuatedByMovement.getOrDefault(after.movement(), 0L) < after.reaches()) {
                    yield null;
                }
                long[] total = {0};
                yield evacuationsByMovement
                        .get(after.movement())
                        .all()
                        .filter(evacuation -> (total[0] += evacuation.getValue()) >= after.reaches())
                        .findFirst()
                        .map(evacuation -> evacuation.getKey().at())
                        .orElse(null);
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
}
