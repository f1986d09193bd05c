package org.onegrid.incident.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.onegrid.worktime.TimeMode;
import org.onegrid.worktime.WorkCalendar;

/**
 * The port through which the incident counts time (时限计算): deadlines and elapsed time in working or natural
 * hours. In production the statutory {@link WorkCalendar}; tests may pass the same calendar or anything simpler.
 */
public interface Deadlines {

    /** When {@code duration}, counted in {@code mode} from {@code start}, runs out. */
    Instant deadline(Instant start, Duration duration, TimeMode mode);

    /** How much time counts between {@code start} and {@code end} in {@code mode}; zero if end is not after start. */
    Duration elapsed(Instant start, Instant end, TimeMode mode);

    default Instant deadline(Instant start, TimeLimit limit) {
        return deadline(start, limit.duration(), limit.mode());
    }

    /** Deadlines on the working-time calendar 工作日历. */
    static Deadlines of(WorkCalendar calendar) {
        Objects.requireNonNull(calendar, "calendar");
        return new Deadlines() {
            @Override
            public Instant deadline(Instant start, Duration duration, TimeMode mode) {
                return calendar.deadline(start, duration, mode);
            }

            @Override
            public Duration elapsed(Instant start, Instant end, TimeMode mode) {
                return calendar.elapsed(start, end, mode);
            }
        };
    }
}
