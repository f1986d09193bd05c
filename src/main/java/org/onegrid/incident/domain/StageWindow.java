package org.onegrid.incident.domain;

import java.time.Instant;
import java.util.Objects;
import org.onegrid.casework.time.Light;
import org.onegrid.casework.time.Window;

/**
 * The running stage of an open incident (当前环节) with its deadline, lit by the one rule of every case's {@link Window}. {@code yellowAt} is the instant at which 80 %
 * of the stage's time is used, counted in the stage's time mode, so that the light is a plain comparison of
 * instants — in memory and in SQL alike.
 *
 * @param overdueMarked whether the overdue scan has already recorded this stage as overdue (once per stage)
 */
public record StageWindow(Stage stage, Instant startedAt, Instant deadline, Instant yellowAt, boolean overdueMarked) {

    public StageWindow {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(yellowAt, "yellowAt");
    }

    /** Red after the deadline, yellow from 80 % of the time on, green before. */
    public Light light(Instant now) {
        return Window.light(now, yellowAt, deadline);
    }

    /** The deadline itself is still in time; overdue is any moment after it. */
    public boolean isOverdue(Instant now) {
        return now.isAfter(deadline);
    }

    StageWindow markedOverdue() {
        return new StageWindow(stage, startedAt, deadline, yellowAt, true);
    }

    StageWindow movedTo(Instant newDeadline, Instant newYellowAt) {
        return new StageWindow(stage, startedAt, newDeadline, newYellowAt, overdueMarked);
    }
}
