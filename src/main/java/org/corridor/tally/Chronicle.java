package org.corridor.tally;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Facts in {@link Fact#CHRONOLOGICAL} order, each with a value, that can be forked cheaply: the facts are kept in
 * buckets of one hour of {@code at}, and a fork shares every bucket with the map it came from until one of the two
 * changes it, which then copies that bucket alone. The sums behind the tallies keep their evacuations and departures
 * per movement in these, so that the sums as of an earlier moment ({@link Aggregates#fork}) can be kept beside the
 * live ones for little more than the buckets that differ. Not thread-safe.
 */
final class Chronicle<V> {
    private static final long WIDTH = 3_600_000_000_000L;

    private final TreeMap<Long, Bucket<V>> buckets;
    /** Buckets made or copied by this map, and only those, may be changed in place. */
    private Object owner = new Object();

    private record Bucket<V>(TreeMap<Fact, V> entries, Object owner) {}

    Chronicle() {
        this.buckets = new TreeMap<>();
    }

    private Chronicle(TreeMap<Long, Bucket<V>> buckets) {
        this.buckets = buckets;
    }

    /** A copy that shares every bucket with this map until either changes it. */
    Chronicle<V> fork() {
        owner = new Object(); // from now on this map copies a bucket before changing it, as the fork does
        return new Chronicle<>(new TreeMap<>(buckets));
    }

    void put(Fact fact, V value) {
        writable(fact, true).put(fact, value);
    }

    void remove(Fact fact) {
        TreeMap<Fact, V> entries = writable(fact, false);
        if (entries != null) {
            entries.remove(fact);
            if (entries.isEmpty()) {
                buckets.remove(bucket(fact));
            }
        }
    }

    private TreeMap<Fact, V> writable(Fact fact, boolean create) {
        long key = bucket(fact);
        Bucket<V> bucket = buckets.get(key);
        if (bucket == null && !create) {
            return null;
        }
        if (bucket == null || bucket.owner() != owner) {
            TreeMap<Fact, V> entries =
                    bucket == null ? new TreeMap<>(Fact.CHRONOLOGICAL) : new TreeMap<>(bucket.entries());
            bucket = new Bucket<>(entries, owner);
            buckets.put(key, bucket);
        }
        return bucket.entries();
    }

    private static long bucket(Fact fact) {
        return Math.floorDiv(fact.at(), WIDTH);
    }

    boolean isEmpty() {
        return buckets.isEmpty();
    }

    /** The earliest fact; the map must not be empty. */
    Fact first() {
        return buckets.firstEntry().getValue().entries().firstKey();
    }

    /** The entries from {@code from} on (inclusive), in order. */
    Stream<Map.Entry<Fact, V>> from(Fact from) {
        return buckets.tailMap(bucket(from), true).values().stream()
                .flatMap(bucket -> bucket.entries().tailMap(from, true).entrySet().stream());
    }

    /** Every entry, in order. */
    Stream<Map.Entry<Fact, V>> all() {
        return buckets.values().stream().flatMap(bucket -> bucket.entries().entrySet().stream());
    }
}
