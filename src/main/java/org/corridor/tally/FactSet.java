package org.corridor.tally;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.observation.ObservationType;

/**
 * A set of facts, grouped the way the numbers read them: by convoy, corrections by their target, releases and
 * detentions not tied to a convoy. Adding a fact whose id is already present changes nothing, so the grouping is the
 * same whatever the order or repetition of what was added. Not thread-safe.
 */
final class FactSet {
    private final Map<UUID, Fact> byId = new HashMap<>();
    private final Map<String, List<Fact>> byConvoy = new HashMap<>();
    private final Map<UUID, List<Fact>> correctionsByTarget = new HashMap<>();
    private final List<Fact> releases = new ArrayList<>();
    private final List<Fact> looseDetentions = new ArrayList<>();
    private long latestAt = Long.MIN_VALUE;

    /**
     * What adding a fact may have changed: a convoy's state, or the count of a fact not tied to a convoy (a release
     * or a loose detention, or the target of a correction).
     *
     * @param convoy the convoy touched, or null
     * @param standalone the release or loose detention touched, or null
     */
    record Touched(String convoy, Fact standalone) {
        static final Touched NOTHING = new Touched(null, null);
    }

    /** Adds a fact; returns what it touched, or null when its id was already present and nothing changed. */
    Touched add(Fact fact) {
        if (byId.putIfAbsent(fact.id(), fact) != null) {
            return null;
        }
        latestAt = Math.max(latestAt, fact.at());
        if (fact.convoy() != null) {
            byConvoy.computeIfAbsent(fact.convoy(), c -> new ArrayList<>(4)).add(fact);
            return new Touched(fact.convoy(), null);
        }
        switch (fact.type()) {
            case COUNT_CORRECTED -> {
                correctionsByTarget
                        .computeIfAbsent(fact.refersTo(), t -> new ArrayList<>(1))
                        .add(fact);
                Fact target = byId.get(fact.refersTo());
                if (target == null) {
                    return Touched.NOTHING;
                }
                if (target.convoy() != null) {
                    return new Touched(target.convoy(), null);
                }
                boolean standalone = target.type() == ObservationType.PERSONS_RELEASED
                        || target.type() == ObservationType.PERSONS_DETAINED;
                return standalone ? new Touched(null, target) : Touched.NOTHING;
            }
            case PERSONS_RELEASED -> {
                releases.add(fact);
                return new Touched(null, fact);
            }
            case PERSONS_DETAINED -> {
                looseDetentions.add(fact);
                return new Touched(null, fact);
            }
            default -> {
                return Touched.NOTHING;
            }
        }
    }

    /** The facts with {@code at} ≤ {@code asOf}, grouped afresh. */
    FactSet upTo(long asOf) {
        FactSet earlier = new FactSet();
        for (Fact fact : byId.values()) {
            if (fact.at() <= asOf) {
                earlier.add(fact);
            }
        }
        return earlier;
    }

    /** Every fact, in no particular order. */
    List<Fact> all() {
        return new ArrayList<>(byId.values());
    }

    int size() {
        return byId.size();
    }

    /** The latest {@code at} of any fact, or Long.MIN_VALUE when empty. */
    long latestAt() {
        return latestAt;
    }

    Iterable<String> convoys() {
        return byConvoy.keySet();
    }

    List<Fact> releases() {
        return releases;
    }

    List<Fact> looseDetentions() {
        return looseDetentions;
    }

    /** A fact's count after corrections: the winning correction's count when there is one, else its own. */
    long count(Fact fact) {
        List<Fact> corrections = correctionsByTarget.get(fact.id());
        if (corrections == null) {
            return fact.people();
        }
        Fact winner = corrections.get(0);
        for (Fact correction : corrections) {
            if (Fact.WINNER_FIRST.compare(correction, winner) < 0) {
                winner = correction;
            }
        }
        return winner.people();
    }

    /** The state of one convoy from every fact naming it. */
    ConvoyState convoy(String convoyId) {
        return ConvoyState.of(convoyId, byConvoy.getOrDefault(convoyId, List.of()), this);
    }
}
