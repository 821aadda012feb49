package org.corridor.tally;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.corridor.observation.Observation;
import org.corridor.operation.Operation;

/**
 * The numbers of one operation kept up to date as observations are stored. A new observation marks the convoy (or
 * the release or detention) it touches; on the next read, only those are recomputed and their contributions to the
 * running {@link Aggregates} swapped, so the tallies "now" cost little more than the number of movements. The tallies
 * as of a moment earlier than the latest observation start from the sums kept for the nearest earlier cut of the
 * facts' times and redo only the convoys the facts in between touch (see {@link History}); the convoy board as of
 * such a moment is the full computation over the observations up to it, except that a convoy none of whose
 * observations (nor their corrections) is later than that moment keeps its current state (see
 * {@link FactSet#isWhole}). All give the pure functions' answer, by construction and by test. Thread-safe.
 */
public final class LiveTallies {
    private final ReentrantLock lock = new ReentrantLock();
    private final Interner interner = new Interner();
    private final FactSet facts;
    private final Map<String, ConvoyState> states = new HashMap<>();
    private final Map<UUID, Long> standaloneCounts = new HashMap<>();
    private final Set<String> staleConvoys = new LinkedHashSet<>();
    private final Map<UUID, Fact> staleStandalone = new HashMap<>();
    private Operation operation;
    private Aggregates aggregates;
    private long version;
    /** The facts per window of {@link #history}. */
    private final int historyWindow;
    /** The sums as of earlier moments, made at the first {@code asOf} before the latest fact; null until then. */
    private History history;

    /** Facts per window of the history behind {@code asOf} tallies (see {@link History}). */
    static final int HISTORY_WINDOW = 1 << 17;

    public LiveTallies(Operation operation) {
        this(operation, 0);
    }

    private LiveTallies(Operation operation, int expected) {
        this(operation, expected, HISTORY_WINDOW);
    }

    private LiveTallies(Operation operation, int expected, int historyWindow) {
        this.operation = operation;
        this.aggregates = new Aggregates(operation);
        this.facts = new FactSet(expected);
        this.historyWindow = historyWindow;
    }

    /** Empty live tallies whose {@code asOf} history is cut every {@code historyWindow} facts; for tests. */
    static LiveTallies withHistoryWindow(Operation operation, int historyWindow) {
        return new LiveTallies(operation, 0, historyWindow);
    }

    /**
     * Live tallies holding {@code facts} (read back from a {@link TallySnapshot}), summed in one pass; {@code ids}
     * are the distinct ids they name, shared from then on.
     */
    static LiveTallies of(Operation operation, List<Fact> facts, List<String> ids) {
        LiveTallies live = new LiveTallies(operation, facts.size());
        ids.forEach(live.interner::intern);
        for (Fact fact : facts) {
            live.facts.add(fact);
        }
        live.rebuild();
        return live;
    }

    /** The facts held now, to be written where a restart can read them back. */
    public TallySnapshot snapshot() {
        lock.lock();
        try {
            return new TallySnapshot(facts.all());
        } finally {
            lock.unlock();
        }
    }

    /** Adds an observation; returns false, changing nothing, when one with its id is already here. */
    public boolean add(Observation observation) {
        lock.lock();
        try {
            // Made under the lock: the interner is shared by every writer.
            Fact fact = Fact.of(observation, interner);
            FactSet.Touched touched = facts.add(fact);
            if (touched == null) {
                return false;
            }
            if (history != null) {
                history.add(fact);
            }
            if (touched.convoy() != null) {
                staleConvoys.add(touched.convoy());
            }
            if (touched.standalone() != null) {
                staleStandalone.put(touched.standalone().id(), touched.standalone());
            }
            version++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Uses a new definition of the operation from now on; the observations are kept and the sums rebuilt. */
    public void replaceOperation(Operation replacement) {
        lock.lock();
        try {
            operation = replacement;
            rebuild();
            version++;
        } finally {
            lock.unlock();
        }
    }

    /** Recomputes every convoy state and the sums from the facts, as after a change of definition. */
    private void rebuild() {
        history = null; // its sums were made with the movements of the definition before
        aggregates = new Aggregates(operation);
        states.clear();
        standaloneCounts.clear();
        staleConvoys.clear();
        staleStandalone.clear();
        for (String convoy : facts.convoys()) {
            ConvoyState state = facts.convoy(convoy);
            states.put(convoy, state);
            aggregates.apply(state, 1);
        }
        for (List<Fact> standalone : List.of(facts.releases(), facts.looseDetentions())) {
            for (Fact fact : standalone) {
                long count = facts.count(fact);
                standaloneCounts.put(fact.id(), count);
                aggregates.applyStandalone(fact, count, 1);
            }
        }
    }

    public Operation operation() {
        lock.lock();
        try {
            return operation;
        } finally {
            lock.unlock();
        }
    }

    /** Increases with every change, so that a listener can tell whether the numbers may have moved. */
    public long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Does a little of the work behind {@code asOf} tallies ahead of the first question: makes the history, or builds
     * its next mark (the sums up to one more cut), holding writers off only that long. False when there is nothing
     * left to do; a caller repeats it until then, off the request path.
     */
    public boolean prepareHistory() {
        lock.lock();
        try {
            if (facts.size() == 0) {
                return false;
            }
            catchUp();
            if (history == null) {
                history = new History(operation, facts.all(), historyWindow);
                return true;
            }
            return history.buildNext(facts);
        } finally {
            lock.unlock();
        }
    }

    /** How many windows the {@code asOf} history is cut into; 0 before it is made. For tests. */
    int historyWindows() {
        lock.lock();
        try {
            return history == null ? 0 : history.windows();
        } finally {
            lock.unlock();
        }
    }

    /** How many distinct observations are held. */
    public int size() {
        lock.lock();
        try {
            return facts.size();
        } finally {
            lock.unlock();
        }
    }

    /** The earliest and latest {@code at} of the observations held; empty when there are none. */
    public java.util.Optional<TimeSpan> span() {
        lock.lock();
        try {
            if (facts.size() == 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(
                    new TimeSpan(Fact.instant(facts.earliestAt()), Fact.instant(facts.latestAt())));
        } finally {
            lock.unlock();
        }
    }

    public Tallies tallies(Instant asOf) {
        long limit = Fact.nanos(asOf);
        lock.lock();
        try {
            catchUp();
            if (limit >= facts.latestAt()) {
                return aggregates.tallies(operation, limit);
            }
            if (history == null) {
                history = new History(operation, facts.all(), historyWindow);
            }
            return history.at(limit, facts).tallies(operation, limit);
        } finally {
            lock.unlock();
        }
    }

    public List<ConvoyView> convoys(Instant asOf) {
        long limit = Fact.nanos(asOf);
        lock.lock();
        try {
            if (limit >= facts.latestAt()) {
                catchUp();
                return TallyEngine.board(operation.timezone(), states.values());
            }
            FactSet earlier = facts.upTo(limit);
            catchUp();
            return TallyEngine.board(operation.timezone(), earlier.states(states));
        } finally {
            lock.unlock();
        }
    }

    /** Recomputes what changed since the last read and swaps its contribution to the sums. */
    private void catchUp() {
        for (String convoy : staleConvoys) {
            ConvoyState previous = states.get(convoy);
            if (previous != null) {
                aggregates.apply(previous, -1);
            }
            ConvoyState current = facts.convoy(convoy);
            aggregates.apply(current, 1);
            states.put(convoy, current);
        }
        staleConvoys.clear();
        for (Fact fact : staleStandalone.values()) {
            Long previous = standaloneCounts.get(fact.id());
            if (previous != null) {
                aggregates.applyStandalone(fact, previous, -1);
            }
            long current = facts.count(fact);
            aggregates.applyStandalone(fact, current, 1);
            standaloneCounts.put(fact.id(), current);
        }
        staleStandalone.clear();
    }
}
