package org.onegrid.casework.time;

import java.time.Duration;
import java.util.Objects;
import org.onegrid.worktime.TimeMode;

/** A time limit (时限), e.g. 2 working hours (工作时) or 12 natural hours (自然时). */
public record TimeLimit(Duration duration, TimeMode mode) {

    public TimeLimit {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(mode, "mode");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("A time limit must be positive: " + duration);
        }
    }

    public static TimeLimit workingHours(long hours) {
        return new TimeLimit(Duration.ofHours(hours), TimeMode.WORKING);
    }

    public static TimeLimit naturalHours(long hours) {
        return new TimeLimit(Duration.ofHours(hours), TimeMode.NATURAL);
    }

    @Override
    public String toString() {
        return duration + " " + mode;
    }
}
