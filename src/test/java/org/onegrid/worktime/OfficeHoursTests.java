package org.onegrid.worktime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfficeHoursTests {

    @Test
    void defaultOfficeHoursAreMorningAndAfternoonWithALunchBreak() {
        assertThat(OfficeHours.DEFAULT.periods())
                .containsExactly(
                        new OfficeHours.Period(LocalTime.of(8, 30), LocalTime.of(12, 0)),
                        new OfficeHours.Period(LocalTime.of(13, 30), LocalTime.of(17, 30)));
        assertThat(OfficeHours.DEFAULT.perDay()).isEqualTo(Duration.ofMinutes(450));
        assertThat(OfficeHours.DEFAULT).hasToString("08:30-12:00,13:30-17:30");
    }

    @Test
    void periodsMayBeGivenInAnyOrderAndWithSpaces() {
        assertThat(OfficeHours.parse(" 13:30-17:30 , 08:30 - 12:00")).isEqualTo(OfficeHours.DEFAULT);
    }

    @Test
    void touchingPeriodsAreAllowed() {
        assertThat(OfficeHours.parse("08:00-12:00,12:00-13:00").perDay()).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void overlappingPeriodsAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OfficeHours.parse("08:30-12:00,11:00-14:00"))
                .withMessage("Invalid office hours \"08:30-12:00,11:00-14:00\" (expected e.g. 08:30-12:00,13:30-17:30):"
                        + " Office periods 08:30-12:00 and 11:00-14:00 overlap");
    }

    @Test
    void periodEndingBeforeItStartsIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OfficeHours.parse("12:00-08:30"))
                .withMessageEndingWith("Office period 12:00-08:30 does not end after it starts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "08:30", "8:30-12:00", "08:30-25:00", "08:30-12:00,", "morning"})
    void malformedOfficeHoursAreRejectedNamingTheSpec(String spec) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OfficeHours.parse(spec))
                .withMessageStartingWith("Invalid office hours \"" + spec + "\"");
    }
}
