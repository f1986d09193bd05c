package org.onegrid.casework.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.onegrid.worktime.TimeMode;
import org.onegrid.worktime.WorkCalendar;

/** A dispute's 30-day limit and a hazard's working-day deadline are lit by the same rule as an incident's stage. */
class WindowTests {

    private final Deadlines natural = new Deadlines() {
        @Override
        public Instant deadline(Instant start, Duration duration, TimeMode mode) {
            return start.plus(duration);
        }

        @Override
        public Duration elapsed(Instant start, Instant end, TimeMode mode) {
            return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
        }
    };

    private static final Instant START = Instant.parse("2026-11-02T01:00:00Z");

    @Test
    void thirtyNaturalDaysAreGreenUntilDayTwentyFourYellowUntilTheDeadlineThenRed() {
        Window window = Window.open(START, new TimeLimit(Duration.ofDays(30), TimeMode.NATURAL), natural);
        assertThat(window.deadline()).isEqualTo(START.plus(Duration.ofDays(30)));
        assertThat(window.yellowAt()).isEqualTo(START.plus(Duration.ofDays(24)));
        assertThat(window.light(START.plus(Duration.ofDays(23)))).isEqualTo(Light.GREEN);
        assertThat(window.light(START.plus(Duration.ofDays(24)))).isEqualTo(Light.YELLOW);
        assertThat(window.light(window.deadline())).isEqualTo(Light.YELLOW);
        assertThat(window.light(window.deadline().plusSeconds(1))).isEqualTo(Light.RED);
        assertThat(window.isOverdue(window.deadline())).isFalse();
    }

    @Test
    void anExtensionWithThePartiesConsentMovesTheDeadlineAndItsYellowFromTheSameStart() {
        Window window = Window.open(START, new TimeLimit(Duration.ofDays(30), TimeMode.NATURAL), natural);
        Window extended = window.movedTo(START.plus(Duration.ofDays(60)), natural, TimeMode.NATURAL);
        assertThat(extended.startedAt()).isEqualTo(START);
        assertThat(extended.yellowAt()).isEqualTo(START.plus(Duration.ofDays(48)));
        assertThat(extended.light(START.plus(Duration.ofDays(31)))).isEqualTo(Light.GREEN);
    }

    @Test
    void workingHoursSkipTheWeekendOnTheStatutoryCalendar() {
        Deadlines working = Deadlines.of(WorkCalendar.standard());
        // Friday 6 November 2026, 16:00 in the city: 2 working hours run into Monday morning
        Instant friday = Instant.parse("2026-11-06T08:00:00Z");
        Window window = Window.open(friday, TimeLimit.workingHours(2), working);
        assertThat(window.deadline()).isAfter(Instant.parse("2026-11-09T00:00:00Z"));
        assertThat(window.light(Instant.parse("2026-11-07T12:00:00Z"))).isNotEqualTo(Light.RED);
        assertThat(window.markedOverdue().overdueMarked()).isTrue();
    }
}
