package org.onegrid.shared.web;

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
public final class Throttle {

    private static final int MAX_KEYS = 100_000;

    private final Duration window;
    private final Clock clock;
    private final Map<Object, Deque<Instant>> seen = new ConcurrentHashMap<>();

    public Throttle(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /** Counts one use by {@code key}; false when it has used up {@code limit} in the window (then it is not counted). */
    public boolean allow(Object key, int limit) {
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

    /**
     * How long until {@code key} may act again after being refused: until its oldest counted use leaves the window (at
     * least one second, as {@code Retry-After} counts whole seconds).
     */
    public Duration retryAfter(Object key) {
        Deque<Instant> times = seen.get(key);
        Instant oldest = null;
        if (times != null) {
            synchronized (times) {
                oldest = times.peekFirst();
            }
        }
        if (oldest == null) {
            return Duration.ofSeconds(1);
        }
        Duration wait = Duration.between(clock.instant(), oldest.plus(window));
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        return Duration.ofSeconds(seconds);
    }

    /** Whether {@code key} has used up {@code limit} in the window, without counting a use. */
    public boolean exhausted(Object key, int limit) {
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
