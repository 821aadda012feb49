package org.corridor.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.corridor.observation.ObservationType;
import org.corridor.operation.Operation;

/**
 * The sums of a {@link FactSet} as of earlier moments, for {@code asOf} tallies: the facts' times are cut into
 * windows of about {@code window} facts each, and the sums of every fact up to each cut (a mark) are kept, built
 * forward from the previous mark and sharing most of their memory with it ({@link Aggregates#fork}). The sums as of
 * a moment are then the nearest mark at or before it, advanced over the part of one window up to that moment:
 * every convoy a fact of that part touches (itself, or by correcting one of its facts) has its state at the mark
 * taken back and its state at the moment added, exactly as {@link LiveTallies} swaps a convoy's state when a fact
 * arrives; releases and detentions not tied to a convoy likewise. The states come from the same
 * {@link ConvoyState#of} over the same facts as a full computation, so the sums are the same.
 *
 * <p>A fact added later at a time before some marks makes those marks stale; they are rebuilt from the last good
 * one when next needed. A window that grows past twice its size is split. Not thread-safe: the owner's lock guards
 * it, and it must hear of every fact its set takes ({@link #add}).
 */
final class History {
    private final Operation operation;
    private final int window;
    /** The cuts, increasing: window k holds the facts with bounds[k-1] < at ≤ bounds[k] (the last is unbounded). */
    private long[] bounds;

    private final List<List<Fact>> windows = new ArrayList<>();
    /** The sums of every fact with at ≤ bounds[k]; only the first {@link #valid} are built and up to date. */
    private final List<Aggregates> marks = new ArrayList<>();

    private int valid;

    /** The history of {@code facts} (a set's facts, distinct), cut into windows of about {@code window} facts. */
    History(Operation operation, Collection<Fact> facts, int window) {
        this.operation = operation;
        this.window = window;
        long[] times = facts.stream().mapToLong(Fact::at).sorted().toArray();
        long[] cuts = new long[times.length / window];
        int count = 0;
        for (int i = window - 1; i < times.length - 1; i += window) {
            if (count == 0 || times[i] > cuts[count - 1]) {
                cuts[count++] = times[i];
            }
        }
        this.bounds = Arrays.copyOf(cuts, count);
        for (int k = 0; k <= count; k++) {
            windows.add(new ArrayList<>());
        }
        for (int k = 0; k < count; k++) {
            marks.add(null);
        }
        for (Fact fact : facts) {
            windows.get(windowOf(fact.at())).add(fact);
        }
    }

    /** How many windows the facts are cut into. */
    int windows() {
        return windows.size();
    }

    private int windowOf(long at) {
        int found = Arrays.binarySearch(bounds, at);
        return found >= 0 ? found : -found - 1;
    }

    /** Takes a fact the set just took: the marks at or after its time are stale from now on. */
    void add(Fact fact) {
        int k = windowOf(fact.at());
        windows.get(k).add(fact);
        valid = Math.min(valid, k);
        if (windows.get(k).size() > 2 * window) {
            split(k);
        }
    }

    /** Cuts window k in two near its median time; a window whose facts all share one time stays whole. */
    private void split(int k) {
        List<Fact> facts = windows.get(k);
        long[] times = facts.stream().mapToLong(Fact::at).sorted().toArray();
        long last = times[times.length - 1];
        int cut = times.length / 2;
        while (cut >= 0 && times[cut] == last) {
            cut--;
        }
        if (cut < 0) {
            return;
        }
        long bound = times[cut];
        List<Fact> before = new ArrayList<>();
        List<Fact> after = new ArrayList<>();
        for (Fact fact : facts) {
            (fact.at() <= bound ? before : after).add(fact);
        }
        long[] grown = new long[bounds.length + 1];
        System.arraycopy(bounds, 0, grown, 0, k);
        grown[k] = bound;
        System.arraycopy(bounds, k, grown, k + 1, bounds.length - k);
        bounds = grown;
        windows.set(k, before);
        windows.add(k + 1, after);
        marks.add(k, null);
        valid = Math.min(valid, k);
    }

    /** Builds the first mark not yet built or up to date; false when every mark is. */
    boolean buildNext(FactSet facts) {
        if (valid >= marks.size()) {
            return false;
        }
        build(valid, facts);
        return true;
    }

    private void build(int k, FactSet facts) {
        Aggregates sums = k == 0 ? new Aggregates(operation) : marks.get(k - 1).fork();
        advance(sums, windows.get(k), k == 0 ? Long.MIN_VALUE : bounds[k - 1], bounds[k], facts);
        marks.set(k, sums);
        valid = k + 1;
    }

    /** The sums of every fact of {@code facts} (the set this history hears of) with at ≤ {@code asOf}: a new copy. */
    Aggregates at(long asOf, FactSet facts) {
        int found = Arrays.binarySearch(bounds, asOf);
        int mark = found >= 0 ? found : -found - 2;
        for (int k = valid; k <= mark; k++) {
            build(k, facts);
        }
        Aggregates sums = mark < 0 ? new Aggregates(operation) : marks.get(mark).fork();
        advance(sums, windows.get(mark + 1), mark < 0 ? Long.MIN_VALUE : bounds[mark], asOf, facts);
        return sums;
    }

    /**
     * Moves {@code sums}, the sums of the facts with at ≤ {@code from}, to those of the facts with at ≤ {@code to},
     * where {@code part} holds every fact with at in between (and maybe others, skipped).
     */
    private static void advance(Aggregates sums, List<Fact> part, long from, long to, FactSet facts) {
        Set<String> convoys = new LinkedHashSet<>();
        Map<UUID, Fact> standalone = new LinkedHashMap<>();
        for (Fact fact : part) {
            if (fact.at() > from && fact.at() <= to) {
                touch(fact, facts, convoys, standalone);
            }
        }
        if (convoys.isEmpty() && standalone.isEmpty()) {
            return;
        }
        FactSet before = facts.slice(convoys, standalone.values(), from);
        FactSet after = facts.slice(convoys, standalone.values(), to);
        for (String convoy : convoys) {
            if (before.holds(convoy)) {
                sums.apply(before.convoy(convoy), -1);
            }
            if (after.holds(convoy)) {
                sums.apply(after.convoy(convoy), 1);
            }
        }
        for (Fact fact : standalone.values()) {
            if (fact.at() <= from) {
                sums.applyStandalone(fact, before.count(fact), -1);
            }
            if (fact.at() <= to) {
                sums.applyStandalone(fact, after.count(fact), 1);
            }
        }
    }

    /** What a fact can change, as {@link FactSet#add} tells it: its convoy, or a fact not tied to a convoy. */
    private static void touch(Fact fact, FactSet facts, Set<String> convoys, Map<UUID, Fact> standalone) {
        if (fact.convoy() != null) {
            convoys.add(fact.convoy());
            return;
        }
        Fact subject = fact.type() == ObservationType.COUNT_CORRECTED ? facts.byId(fact.refersTo()) : fact;
        if (subject == null) {
            return;
        }
        if (subject.convoy() != null) {
            convoys.add(subject.convoy());
        } else if (subject.type() == ObservationType.PERSONS_RELEASED
                || subject.type() == ObservationType.PERSONS_DETAINED) {
            standalone.put(subject.id(), subject);
        }
    }
}
