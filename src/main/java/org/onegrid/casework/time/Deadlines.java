package org.onegrid.casework.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.onegrid.worktime.TimeMode;
import org.onegrid.worktime.WorkCalendar;

/**
 * The port through which every case (an incident, a dispute, a hazard) counts time (时限计算): deadlines and elapsed time in working or natural
 * hours. In production the statutory {@link WorkCalendar}; tests may pass the same calendar or anything simpler.
 */
public interface Deadlines {

    /** When {@code duration}, counted in {@code mode} from {@code start}, runs out. */
    Instant deadline(Instant start, Duration duration, TimeMode mode);

    /** How much time counts between {@code start} and {@code end} in {@code mode}; zero if end is not after start. */
    Duration elapsed(Instant start, Instant end, TimeMode mode);

    /**
     * Whether working time counted from {@code start} to {@code end} was counted on the provisional calendar 临时日历
     * of a year whose official holiday arrangement is not yet known.
     */
    default boolean provisional(Instant start, Instant end) {
        return false;
    }

    default Instant deadline(Instant start, TimeLimit limit) {
        return deadline(start, limit.duration(), limit.mode());
    }

    /** Deadlines on the working-time calendar 工作日历. */
    static Deadlines of(WorkCalendar calendar) {
        Objects.requireNonNull(calendar, "calendar");
        return following(() -> calendar);
    }

    /** Deadlines on whichever calendar is in force at the moment of counting (it changes when a year is entered). */
    static Deadlines following(Supplier<WorkCalendar> calendar) {
        Objects.requireNonNull(calendar, "calendar");
        return new Deadlines() {
            @Override
            public Instant deadline(Instant start, Duration duration, TimeMode mode) {
                return calendar.get().deadline(start, duration, mode);
            }

            @Override
            public Duration elapsed(Instant start, Instant end, TimeMode mode) {
                return calendar.get().elapsed(start, end, mode);
            }

            @Override
            public boolean provisional(Instant start, Instant end) {
                return calendar.get().isProvisional(start, end);
            }
        };
    }
}
