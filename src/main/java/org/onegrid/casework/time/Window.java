package org.onegrid.casework.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.onegrid.worktime.TimeMode;

/**
 * The time window of a case's running stage (当前环节) — an incident's acceptance, a dispute's mediation, a hazard's
 * rectification: when it started, its deadline, and {@code yellowAt}, the instant at which 80 % of its time is used,
 * counted in the limit's time mode, so that the light is a plain comparison of instants — in memory and in SQL alike
 * ({@code CASE WHEN now() > deadline THEN 'RED' WHEN now() >= yellow_at THEN 'YELLOW' ELSE 'GREEN' END}).
 *
 * @param overdueMarked whether an overdue scan has already recorded this window as overdue (once per window)
 */
public record Window(Instant startedAt, Instant deadline, Instant yellowAt, boolean overdueMarked) {

    public Window {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(yellowAt, "yellowAt");
    }

    /** A window starting at {@code start} that runs for {@code limit}, counted through {@code deadlines}. */
    public static Window open(Instant start, TimeLimit limit, Deadlines deadlines) {
        Instant deadline = deadlines.deadline(start, limit);
        return new Window(start, deadline, yellowAt(start, deadline, limit.mode(), deadlines), false);
    }

    /** The light at {@code now}: red after the deadline, yellow from 80 % of the time on, green before. */
    public Light light(Instant now) {
        return light(now, yellowAt, deadline);
    }

    /** The deadline itself is still in time; overdue is any moment after it. */
    public boolean isOverdue(Instant now) {
        return now.isAfter(deadline);
    }

    public Window markedOverdue() {
        return new Window(startedAt, deadline, yellowAt, true);
    }

    /** The same window with another deadline (an extension, a recount), its yellow instant counted anew. */
    public Window movedTo(Instant newDeadline, Deadlines deadlines, TimeMode mode) {
        return new Window(startedAt, newDeadline, yellowAt(startedAt, newDeadline, mode, deadlines), overdueMarked);
    }

    /** The one rule of the lights, for windows read back from storage as plain instants. */
    public static Light light(Instant now, Instant yellowAt, Instant deadline) {
        if (now.isAfter(deadline)) {
            return Light.RED;
        }
        return now.isBefore(yellowAt) ? Light.GREEN : Light.YELLOW;
    }

    /** The first instant at which at least 80 % of the time from {@code start} to {@code deadline} is used. */
    public static Instant yellowAt(Instant start, Instant deadline, TimeMode mode, Deadlines deadlines) {
        long total = deadlines.elapsed(start, deadline, mode).toNanos();
        // total - floor(total / 5) is the smallest whole number of nanoseconds not below 80 %.
        return deadlines.deadline(start, Duration.ofNanos(total - total / 5), mode);
    }
}
