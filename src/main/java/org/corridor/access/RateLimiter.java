package org.corridor.access;

import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller: each holds up to {@code burst} requests and refills at {@code perSecond}; a request
 * finding it empty is refused with the seconds to wait. Held in memory, per server. Thread-safe.
 */
final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final InstantSource clock;
    /** Past this many callers, those whose buckets have refilled are dropped (a new one starts full anyway). */
    static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double perSecond, int burst, InstantSource clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one request from the caller's bucket: 0 when allowed, otherwise whole seconds to wait (at least 1). */
    long take(String caller) {
        if (buckets.size() > SWEEP_ABOVE) {
            sweep();
        }
        Bucket bucket = buckets.computeIfAbsent(caller, key -> new Bucket(burst, clock.millis()));
        synchronized (bucket) {
            long now = clock.millis();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * perSecond / 1000.0);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
        }
    }

    private void sweep() {
        long now = clock.millis();
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                return bucket.tokens + (now - bucket.refilledAt) * perSecond / 1000.0 >= burst;
            }
        });
    }

    int callers() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        private Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}
