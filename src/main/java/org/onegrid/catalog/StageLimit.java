package org.onegrid.catalog;

import java.time.Duration;
import java.util.Objects;
import org.onegrid.worktime.TimeMode;

/**
 * The time limit (时限) of one stage of an incident: e.g. 2 working hours (工作时) to accept, 12 natural hours (自然时)
 * to handle. Stored in whole minutes.
 */
public record StageLimit(Duration limit, TimeMode mode) {

    public StageLimit {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(mode, "mode");
    }

    public static StageLimit workingHours(long hours) {
        return new StageLimit(Duration.ofHours(hours), TimeMode.WORKING);
    }

    public static StageLimit naturalHours(long hours) {
        return new StageLimit(Duration.ofHours(hours), TimeMode.NATURAL);
    }

    public static StageLimit minutes(long minutes, TimeMode mode) {
        return new StageLimit(Duration.ofMinutes(minutes), mode);
    }

    /** The limit in whole minutes. */
    public long minutes() {
        return limit.toMinutes();
    }
}
