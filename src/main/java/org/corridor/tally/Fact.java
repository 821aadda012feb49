package org.corridor.tally;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import org.corridor.observation.Observation;
import org.corridor.observation.ObservationType;

/**
 * The part of an observation the numbers need, kept small so that a million of them fit in memory: no note, no
 * signature, the time as nanoseconds since the epoch, and ids shared with every other fact that names them.
 *
 * @param people the reported count, or -1 when the observation reports none
 * @param movement the movement a departure, arrival or release names, or null
 * @param to a release's site, or null
 * @param refersTo a correction's target, a release's detention, or null
 */
record Fact(
        UUID id,
        long at,
        ObservationType type,
        String convoy,
        String movement,
        String site,
        String monitor,
        long people,
        String to,
        UUID refersTo) {

    /** The precedence rule of CONTRACT §2: the later {@code at} first, ties broken by the smaller id. */
    static final Comparator<Fact> WINNER_FIRST = (a, b) -> {
        int byTime = Long.compare(b.at, a.at);
        return byTime != 0 ? byTime : compareIds(a.id, b.id);
    };

    /** Chronological order: by {@code at}, then by id. */
    static final Comparator<Fact> CHRONOLOGICAL = (a, b) -> {
        int byTime = Long.compare(a.at, b.at);
        return byTime != 0 ? byTime : compareIds(a.id, b.id);
    };

    /** Orders ids as their canonical lower-case text does (unsigned, most significant half first). */
    static int compareIds(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /**
     * A key that sorts before every fact at {@code at} or later (the smallest id at that moment), for searching
     * facts kept in {@link #CHRONOLOGICAL} order.
     */
    static Fact boundary(long at) {
        return new Fact(new UUID(0, 0), at, ObservationType.INCIDENT_REPORTED, null, null, null, null, -1, null, null);
    }

    boolean hasPeople() {
        return people >= 0;
    }

    /** The fact of an observation, with its ids passed through {@code interner} so that equal ids share one string. */
    static Fact of(Observation observation, Interner interner) {
        String site = interner.intern(observation.site());
        String monitor = interner.intern(observation.monitor());
        long at = nanos(observation.instant());
        Long people = observation.peopleOrNull();
        long count = people == null ? -1 : people;
        String convoy = interner.intern(observation.convoyOrNull());
        return switch (observation) {
            case Observation.ConvoyDeparted o ->
                new Fact(o.id(), at, o.type(), convoy, interner.intern(o.movement()), site, monitor, count, null, null);
            case Observation.ConvoyArrived o ->
                new Fact(o.id(), at, o.type(), convoy, interner.intern(o.movement()), site, monitor, count, null, null);
            case Observation.PersonsReleased o ->
                new Fact(
                        o.id(),
                        at,
                        o.type(),
                        null,
                        interner.intern(o.movement()),
                        site,
                        monitor,
                        count,
                        interner.intern(o.to()),
                        o.refersTo());
            case Observation.CountCorrected o ->
                new Fact(o.id(), at, o.type(), null, null, site, monitor, count, null, o.refersTo());
            case Observation.ConvoyPassed o ->
                new Fact(o.id(), at, o.type(), convoy, null, site, monitor, count, null, null);
            case Observation.ConvoyHalted o ->
                new Fact(o.id(), at, o.type(), convoy, null, site, monitor, count, null, null);
            case Observation.ConvoyResumed o ->
                new Fact(o.id(), at, o.type(), convoy, null, site, monitor, count, null, null);
            case Observation.PersonsDetained o ->
                new Fact(o.id(), at, o.type(), convoy, null, site, monitor, count, null, null);
            case Observation.IncidentReported o ->
                new Fact(o.id(), at, o.type(), null, null, site, monitor, count, null, null);
        };
    }
}
