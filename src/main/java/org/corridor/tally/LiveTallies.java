package org.corridor.tally;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.corridor.observation.Observation;
import org.corridor.operation.Operation;

/**
 * The numbers of one operation kept up to date as observations are stored. Each convoy's state is computed once and
 * kept until an observation touching it arrives, so the tallies "now" cost a pass over convoy states rather than over
 * every observation. A moment earlier than the latest observation is answered by {@link TallyEngine}'s full
 * computation over the observations up to it. Both give the same answer as the pure functions, by construction and by
 * test. Thread-safe.
 */
public final class LiveTallies {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Interner interner = new Interner();
    private final FactSet facts = new FactSet();
    private final Map<String, ConvoyState> states = new HashMap<>();
    private final Set<String> stale = new HashSet<>();
    private Operation operation;
    private long version;

    public LiveTallies(Operation operation) {
        this.operation = operation;
    }

    /** Adds an observation; returns false, changing nothing, when one with its id is already here. */
    public boolean add(Observation observation) {
        lock.writeLock().lock();
        try {
            String touched = facts.add(Fact.of(observation, interner));
            if (touched == null) {
                return false;
            }
            if (!touched.isEmpty()) {
                stale.add(touched);
            }
            version++;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Uses a new definition of the operation from now on (observations are kept). */
    public void replaceOperation(Operation replacement) {
        lock.writeLock().lock();
        try {
            operation = replacement;
            version++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Operation operation() {
        lock.readLock().lock();
        try {
            return operation;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Increases with every change, so that a listener can tell whether the numbers may have moved. */
    public long version() {
        lock.readLock().lock();
        try {
            return version;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many distinct observations are held. */
    public int size() {
        lock.readLock().lock();
        try {
            return facts.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public Tallies tallies(Instant asOf) {
        long limit = Fact.nanos(asOf);
        lock.writeLock().lock();
        try {
            if (limit >= facts.latestAt()) {
                refreshStaleStates();
                return TallyEngine.tallies(operation, facts, states.values(), limit);
            }
            FactSet earlier = facts.upTo(limit);
            return TallyEngine.tallies(operation, earlier, TallyEngine.states(earlier), limit);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public List<ConvoyView> convoys(Instant asOf) {
        long limit = Fact.nanos(asOf);
        lock.writeLock().lock();
        try {
            if (limit >= facts.latestAt()) {
                refreshStaleStates();
                return TallyEngine.board(operation.timezone(), states.values());
            }
            return TallyEngine.board(operation.timezone(), TallyEngine.states(facts.upTo(limit)));
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void refreshStaleStates() {
        for (String convoy : stale) {
            states.put(convoy, facts.convoy(convoy));
        }
        stale.clear();
    }
}
