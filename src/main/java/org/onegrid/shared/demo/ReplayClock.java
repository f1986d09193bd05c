package org.onegrid.shared.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock a demo replay moves forward, action by action: the demo city's past year of incidents, hazards and
 * disputes goes through the same actions a city's users take, each stamped at the time it happened.
 */
public final class ReplayClock extends Clock {

    private volatile Instant now;

    public ReplayClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock to this instant (forward, as a replay does). */
    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
