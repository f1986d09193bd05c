package org.onegrid.incident.web.frontline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often one address may use a public page within a window: reports without an account (against flooding) and
 * look-ups of unknown tracking codes (against guessing). In memory, per node: behind several nodes each counts
 * alone, which still bounds the rate.
 */
final class Throttle {

    private static final int MAX_ADDRESSES = 100_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> seen = new ConcurrentHashMap<>();

    Throttle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Whether {@code address} has used up its limit in the current window (without counting a use). */
    boolean exhausted(String address) {
        Deque<Instant> times = seen.get(address);
        if (times == null) {
            return false;
        }
        Instant start = clock.instant().minus(window);
        synchronized (times) {
            return times.stream().filter(t -> !t.isBefore(start)).count() >= limit;
        }
    }

    /** Counts one use by {@code address}; false when it is over the limit (and then it is not counted). */
    boolean allow(String address) {
        Instant now = clock.instant();
        if (seen.size() > MAX_ADDRESSES) {
            seen.clear();
        }
        Deque<Instant> times = seen.computeIfAbsent(address, a -> new ArrayDeque<>());
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
}
