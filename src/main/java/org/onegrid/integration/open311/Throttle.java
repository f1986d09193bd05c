package org.onegrid.integration.open311;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often one key (a client, an address) may do something within a sliding window. In memory, per node: behind
 * several nodes each counts alone, which still bounds the rate.
 */
final class Throttle {

    private static final int MAX_KEYS = 100_000;

    private final Duration window;
    private final Clock clock;
    private final Map<Object, Deque<Instant>> seen = new ConcurrentHashMap<>();

    Throttle(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /** Counts one use by {@code key}; false when it has used up {@code limit} in the window (then it is not counted). */
    boolean allow(Object key, int limit) {
        Instant now = clock.instant();
        if (seen.size() > MAX_KEYS) {
            seen.clear();
        }
        Deque<Instant> times = seen.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    /** Whether {@code key} has used up {@code limit} in the window, without counting a use. */
    boolean exhausted(Object key, int limit) {
        Deque<Instant> times = seen.get(key);
        if (times == null) {
            return false;
        }
        Instant start = clock.instant().minus(window);
        synchronized (times) {
            return times.stream().filter(t -> !t.isBefore(start)).count() >= limit;
        }
    }
}
