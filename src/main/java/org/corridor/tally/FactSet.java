package org.corridor.tally;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.corridor.observation.ObservationType;

/**
 * A set of facts, grouped the way the numbers read them: by convoy, corrections by their target, releases and
 * detentions not tied to a convoy. Adding a fact whose id is already present changes nothing, so the grouping is the
 * same whatever the order or repetition of what was added. Not thread-safe.
 *
 * <p>A set made by {@link #upTo} is an earlier view of another: read-only, with no index by id, and sharing the lists
 * it kept whole with the set it was cut from, so it is only valid until that set changes.
 */
final class FactSet {
    /** Every fact by id; null in an earlier view, which takes no facts. */
    private final Map<UUID, Fact> byId;

    private final Map<String, List<Fact>> byConvoy;
    private final Map<UUID, List<Fact>> correctionsByTarget;
    private final List<Fact> releases;
    private final List<Fact> looseDetentions;

    /** In an earlier view, the convoys that lost a fact or a correction of one of their facts to the cut. */
    private final Set<String> cutConvoys;

    private long latestAt;

    /** The earliest {@code at} of a fact added to an indexed set; Long.MAX_VALUE when none was. */
    private long earliestAt = Long.MAX_VALUE;

    FactSet() {
        this(0);
    }

    /** An empty set with room for about {@code expected} facts, so that filling it does not keep rehashing. */
    FactSet(int expected) {
        this(
                HashMap.newHashMap(expected),
                HashMap.newHashMap(expected / 3),
                new HashMap<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                Set.of());
    }

    private FactSet(
            Map<UUID, Fact> byId,
            Map<String, List<Fact>> byConvoy,
            Map<UUID, List<Fact>> correctionsByTarget,
            List<Fact> releases,
            List<Fact> looseDetentions,
            Set<String> cutConvoys) {
        this.byId = byId;
        this.byConvoy = byConvoy;
        this.correctionsByTarget = correctionsByTarget;
        this.releases = releases;
        this.looseDetentions = looseDetentions;
        this.cutConvoys = cutConvoys;
        this.latestAt = Long.MIN_VALUE;
    }

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
        requireIndexed();
        if (byId.putIfAbsent(fact.id(), fact) != null) {
            return null;
        }
        latestAt = Math.max(latestAt, fact.at());
        earliestAt = Math.min(earliestAt, fact.at());
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

    /**
     * The facts with {@code at} ≤ {@code asOf}, as a read-only earlier view of this set. Every group is filtered in
     * place of re-adding its facts: a set's facts are already distinct, so no index by id is needed, and a group with
     * nothing after {@code asOf} is shared rather than copied. The view records which convoys the cut reached (see
     * {@link #isWhole}).
     */
    FactSet upTo(long asOf) {
        requireIndexed();
        FactSet earlier = new FactSet(
                null,
                HashMap.newHashMap(byConvoy.size()),
                HashMap.newHashMap(correctionsByTarget.size()),
                new ArrayList<>(),
                new ArrayList<>(),
                new HashSet<>());
        for (Map.Entry<String, List<Fact>> entry : byConvoy.entrySet()) {
            List<Fact> kept = earlier.keep(entry.getValue(), asOf);
            if (!kept.isEmpty()) {
                earlier.byConvoy.put(entry.getKey(), kept);
            }
            if (kept != entry.getValue()) {
                earlier.cutConvoys.add(entry.getKey());
            }
        }
        for (Map.Entry<UUID, List<Fact>> entry : correctionsByTarget.entrySet()) {
            List<Fact> kept = earlier.keep(entry.getValue(), asOf);
            if (!kept.isEmpty()) {
                earlier.correctionsByTarget.put(entry.getKey(), kept);
            }
            Fact target = byId.get(entry.getKey());
            if (kept != entry.getValue() && target != null && target.convoy() != null) {
                earlier.cutConvoys.add(target.convoy());
            }
        }
        earlier.releases.addAll(earlier.keep(releases, asOf));
        earlier.looseDetentions.addAll(earlier.keep(looseDetentions, asOf));
        return earlier;
    }

    /**
     * The facts of some convoys and stand-alone facts with {@code at} ≤ {@code asOf}, with the corrections of those
     * facts up to that moment, as a read-only earlier view of this set: enough to give those convoys' states
     * ({@link #convoy}) and those facts' counts ({@link #count}) at that moment, exactly as {@link #upTo} would,
     * without going through the rest. A convoy with no fact by then is left out (see {@link #holds}).
     */
    FactSet slice(java.util.Collection<String> convoys, java.util.Collection<Fact> standalone, long asOf) {
        requireIndexed();
        FactSet earlier = new FactSet(
                null,
                HashMap.newHashMap(convoys.size()),
                new HashMap<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                Set.of());
        List<Fact> counted = new ArrayList<>();
        for (String convoy : convoys) {
            List<Fact> kept = earlier.keep(byConvoy.getOrDefault(convoy, List.of()), asOf);
            if (!kept.isEmpty()) {
                earlier.byConvoy.put(convoy, kept);
                counted.addAll(kept);
            }
        }
        for (Fact fact : standalone) {
            if (fact.at() <= asOf) {
                counted.add(fact);
            }
        }
        for (Fact fact : counted) {
            List<Fact> corrections = correctionsByTarget.get(fact.id());
            if (corrections != null) {
                List<Fact> kept = earlier.keep(corrections, asOf);
                if (!kept.isEmpty()) {
                    earlier.correctionsByTarget.put(fact.id(), kept);
                }
            }
        }
        return earlier;
    }

    /** Whether this set has a fact of {@code convoy}. */
    boolean holds(String convoy) {
        return byConvoy.containsKey(convoy);
    }

    /** The fact with this id, or null; only in a set that is not an earlier view. */
    Fact byId(UUID id) {
        requireIndexed();
        return byId.get(id);
    }

    /** Every fact, in no particular order. */
    List<Fact> all() {
        requireIndexed();
        return new ArrayList<>(byId.values());
    }

    /**
     * The facts of {@code facts} with {@code at} ≤ {@code asOf}, in their order (the list itself when that is all of
     * them), counted into this set's latest {@code at}.
     */
    private List<Fact> keep(List<Fact> facts, long asOf) {
        int first = 0;
        while (first < facts.size() && facts.get(first).at() <= asOf) {
            latestAt = Math.max(latestAt, facts.get(first).at());
            first++;
        }
        if (first == facts.size()) {
            return facts;
        }
        List<Fact> kept = new ArrayList<>(facts.subList(0, first));
        for (Fact fact : facts.subList(first + 1, facts.size())) {
            if (fact.at() <= asOf) {
                latestAt = Math.max(latestAt, fact.at());
                kept.add(fact);
            }
        }
        return kept;
    }

    /**
     * Whether this set holds every fact of {@code convoy}, and every correction of those facts, that the set it was
     * cut from holds; always true of a set not made by {@link #upTo}. The state of such a convoy reads exactly the
     * same facts and counts here as there (see {@link ConvoyState#of}), so it is the same state.
     */
    boolean isWhole(String convoy) {
        return !cutConvoys.contains(convoy);
    }

    /**
     * The state of every convoy. For a convoy held whole, {@code current} may give its state in the set this one was
     * cut from, which is then used as it is: it must be that state, up to date.
     */
    List<ConvoyState> states(Map<String, ConvoyState> current) {
        List<ConvoyState> states = new ArrayList<>(byConvoy.size());
        for (String convoy : byConvoy.keySet()) {
            ConvoyState known = isWhole(convoy) ? current.get(convoy) : null;
            states.add(known != null ? known : convoy(convoy));
        }
        return states;
    }

    private void requireIndexed() {
        if (byId == null) {
            throw new IllegalStateException("an earlier view of a set is read-only");
        }
    }

    int size() {
        requireIndexed();
        return byId.size();
    }

    /** The latest {@code at} of any fact, or Long.MIN_VALUE when empty. */
    long latestAt() {
        return latestAt;
    }

    /** The earliest {@code at} of any fact added, or Long.MAX_VALUE when empty (indexed sets only). */
    long earliestAt() {
        requireIndexed();
        return earliestAt;
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
