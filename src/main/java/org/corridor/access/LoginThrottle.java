package org.corridor.access;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per key (an account id, a network address) over a sliding window. Once a key has
 * {@code maxFailures} failures in the window, further attempts for it are refused before the password is even
 * checked, until the oldest failure leaves the window. Held in memory: a restart forgets it, which only gives an
 * attacker a fresh minute. Thread-safe.
 */
final class LoginThrottle {
    private final int maxFailures;
    private final Duration window;
    private final InstantSource clock;
    /** Past this many keys, keys whose failures have all left the window are dropped, so the map stays bounded. */
    static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailures, Duration window, InstantSource clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Seconds until {@code key} may try again, or 0 when it may try now. */
    long secondsUntilAllowed(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant now = clock.instant();
            forgetOld(times, now);
            if (times.size() < maxFailures) {
                return 0;
            }
            Instant free = times.peekFirst().plus(window);
            return Math.max(1, Duration.between(now, free).toSeconds() + 1);
        }
    }

    void failed(String key) {
        if (failures.size() > SWEEP_ABOVE) {
            sweep();
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            Instant now = clock.instant();
            forgetOld(times, now);
            times.addLast(now);
        }
    }

    private void sweep() {
        Instant now = clock.instant();
        failures.values().removeIf(times -> {
            synchronized (times) {
                forgetOld(times, now);
                return times.isEmpty();
            }
        });
    }

    int keys() {
        return failures.size();
    }

    void succeeded(String key) {
        failures.remove(key);
    }

    private void forgetOld(Deque<Instant> times, Instant now) {
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.pollFirst();
        }
    }
}
