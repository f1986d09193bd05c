package org.onegrid.worktime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onegrid.worktime.TimeMode.NATURAL;
import static org.onegrid.worktime.TimeMode.WORKING;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkCalendarTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    // Loaded once: the calendar is immutable, and loading it per test would only slow the suite down.
    private static final WorkCalendar calendar = WorkCalendar.standard();

    @Test
    void sixteenWorkingHoursFromFridayBeforeSpringFestivalEndOnTheTuesdayAfter() {
        Instant start = ZonedDateTime.of(2026, 2, 13, 16, 0, 0, 0, SHANGHAI).toInstant();

        Instant deadline = calendar.deadline(start, Duration.ofHours(16), WORKING);

        // Fri 16:00-17:30 is 1.5 h, Sat 02-14 (调休) a full 7.5 h, 02-15..02-23 春节, Tue 3.5 h + 3.5 h after lunch.
        assertThat(deadline)
                .isEqualTo(ZonedDateTime.of(2026, 2, 24, 17, 0, 0, 0, SHANGHAI).toInstant());
    }

    @Test
    void springFestivalIsOffButTheAdjustedSaturdaysAreWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 13))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        for (LocalDate day = LocalDate.of(2026, 2, 15);
                !day.isAfter(LocalDate.of(2026, 2, 23));
                day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28)))
                .as("Saturday 调休")
                .isTrue();
    }

    @Test
    void ordinaryWeekendsAreOffAndOrdinaryWeekdaysAreWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7)))
                .as("Saturday")
                .isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 8))).as("Sunday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).as("Monday").isTrue();
    }

    @Test
    void inLieuRestDaysOnWeekdaysAreOff() {
        // Friday 2026-01-02 is a 调休 rest day for 元旦, worked on Sunday 2026-01-04 instead.
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();
    }

    @Test
    void naturalHoursCountEveryHourIncludingNightsAndHolidays() {
        Instant start = at("2026-02-13T16:00");

        assertThat(calendar.deadline(start, Duration.ofHours(16), NATURAL)).isEqualTo(at("2026-02-14T08:00"));
        assertThat(calendar.deadline(start, Duration.ofDays(5), NATURAL)).isEqualTo(at("2026-02-18T16:00"));
        assertThat(calendar.elapsed(start, at("2026-02-24T17:00"), NATURAL)).isEqualTo(Duration.ofHours(265));
    }

    @Test
    void naturalHoursNeedNoHolidayData() {
        Instant start = at("2027-06-01T10:00");

        assertThat(calendar.deadline(start, Duration.ofHours(1), NATURAL)).isEqualTo(at("2027-06-01T11:00"));
        assertThat(calendar.elapsed(start, at("2027-06-02T10:00"), NATURAL)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void startBeforeOfficeHoursBeginsCountingWhenTheOfficeOpens() {
        assertThat(deadline("2026-03-02T07:00", Duration.ofHours(1))).isEqualTo("2026-03-02T09:30");
    }

    @Test
    void startAfterOfficeHoursBeginsCountingOnTheNextWorkingMorning() {
        // Friday evening: the weekend does not count either.
        assertThat(deadline("2026-03-06T20:00", Duration.ofHours(2))).isEqualTo("2026-03-09T10:30");
    }

    @Test
    void startDuringTheLunchBreakBeginsCountingAfterLunch() {
        assertThat(deadline("2026-03-02T12:15", Duration.ofHours(1))).isEqualTo("2026-03-02T14:30");
    }

    @Test
    void lunchBreakIsNotWorkingTime() {
        assertThat(deadline("2026-03-02T11:00", Duration.ofHours(2))).isEqualTo("2026-03-02T14:30");
        assertThat(calendar.elapsed(at("2026-03-02T11:00"), at("2026-03-02T14:30"), WORKING))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void deadlineThatUsesUpTheMorningStaysAtNoon() {
        assertThat(deadline("2026-03-02T09:00", Duration.ofHours(3))).isEqualTo("2026-03-02T12:00");
    }

    @Test
    void deadlineAtClosingTimeStaysThereRatherThanMovingToTheNextMorning() {
        assertThat(deadline("2026-03-02T13:30", Duration.ofHours(4))).isEqualTo("2026-03-02T17:30");
        assertThat(deadline("2026-03-06T16:00", Duration.ofMinutes(90)))
                .as("Friday")
                .isEqualTo("2026-03-06T17:30");
        assertThat(deadline("2026-03-02T08:30", Duration.ofMinutes(450)))
                .as("a whole day")
                .isEqualTo("2026-03-02T17:30");
    }

    @Test
    void nationalDayWeekIsSkipped() {
        // Wed 09-30 16:00-17:30 is 1.5 h; 10-01..10-07 国庆; the remaining 2.5 h fall on Thursday 10-08.
        assertThat(deadline("2026-09-30T16:00", Duration.ofHours(4))).isEqualTo("2026-10-08T11:00");
        assertThat(calendar.elapsed(at("2026-09-30T08:30"), at("2026-10-09T08:30"), WORKING))
                .as("09-30 and 10-08 only")
                .isEqualTo(Duration.ofHours(15));
    }

    @Test
    void adjustedWorkingSundayCountsAsAWorkingDay() {
        // Sunday 2026-09-20 is worked for 国庆; Saturday 09-19 is not.
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(deadline("2026-09-19T10:00", Duration.ofHours(1))).isEqualTo("2026-09-20T09:30");
        assertThat(deadline("2026-09-18T17:00", Duration.ofHours(1))).isEqualTo("2026-09-20T09:00");
    }

    @Test
    void longDurationsMatchCountingDayByDay() {
        // 750 h are exactly 100 working days of 7.5 h, counted here the slow way.
        LocalDate day = LocalDate.of(2026, 1, 5);
        int workingDays = 0;
        while (true) {
            if (calendar.isWorkingDay(day) && ++workingDays == 100) {
                break;
            }
            day = day.plusDays(1);
        }

        assertThat(deadline("2026-01-05T08:30", Duration.ofHours(750))).isEqualTo(day + "T17:30");
    }

    @Test
    void elapsedCountsOnlyOfficeHoursOnWorkingDays() {
        assertThat(calendar.elapsed(at("2026-02-13T16:00"), at("2026-02-24T17:00"), WORKING))
                .isEqualTo(Duration.ofHours(16));
        assertThat(calendar.elapsed(at("2026-02-15T09:00"), at("2026-02-23T17:00"), WORKING))
                .as("all 春节")
                .isZero();
    }

    @Test
    void elapsedIsZeroWhenEndIsNotAfterStart() {
        Instant start = at("2026-03-02T09:00");

        assertThat(calendar.elapsed(start, start, WORKING)).isZero();
        assertThat(calendar.elapsed(start, at("2026-03-02T08:00"), WORKING)).isZero();
        assertThat(calendar.elapsed(start, at("2026-03-02T08:00"), NATURAL)).isZero();
    }

    @Test
    void elapsedRoundTripsWithDeadline() {
        Random random = new Random(20260213);
        long from = at("2020-01-01T00:00").getEpochSecond();
        long to = at("2026-11-01T00:00").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant start = Instant.ofEpochSecond(from + random.nextLong(to - from), random.nextInt(1_000_000_000));
            Duration duration = Duration.ofSeconds(random.nextLong(200 * 3600), random.nextInt(1_000_000_000));

            Instant deadline = calendar.deadline(start, duration, WORKING);

            assertThat(calendar.elapsed(start, deadline, WORKING)).isEqualTo(duration);
            assertThat(deadline).isAfter(start);
            assertThat(isInOfficeHours(deadline))
                    .as("%s + %s = %s", start, duration, deadline)
                    .isTrue();
        }
    }

    @Test
    void zeroDurationEndsAtTheStart() {
        Instant evening = at("2026-03-02T20:00");

        assertThat(calendar.deadline(evening, Duration.ZERO, WORKING)).isEqualTo(evening);
    }

    @Test
    void negativeDurationIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calendar.deadline(at("2026-03-02T09:00"), Duration.ofHours(-1), WORKING))
                .withMessageContaining("negative");
    }

    @Test
    void aDeadlineReachingIntoAYearWithoutOfficialDataIsCountedOnTheProvisionalCalendar() {
        // 2 h from Thursday 2026-12-31 16:00: 1.5 h that day, 元旦 2027 (Friday) and the weekend off, 0.5 h on Monday.
        assertThat(deadline("2026-12-31T16:00", Duration.ofHours(2))).isEqualTo("2027-01-04T09:00");
        assertThat(calendar.isProvisional(2026)).isFalse();
        assertThat(calendar.isProvisional(2027)).isTrue();
        assertThat(calendar.isProvisional(at("2026-12-31T16:00"), at("2027-01-04T09:00")))
                .isTrue();
        assertThat(calendar.isProvisional(at("2026-12-01T09:00"), at("2026-12-31T17:30")))
                .isFalse();
    }

    @Test
    void springFestival2027IsOffFromNewYearsEveWithTheWeekendMadeUpAfterwards() {
        // 除夕 Friday 02-05, 初一 to 初三 Saturday to Monday; the weekend's two festival days made up on Tue and Wed.
        for (LocalDate day = LocalDate.of(2027, 2, 5); !day.isAfter(LocalDate.of(2027, 2, 10)); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 4))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 11))).isTrue();
        // 16 working hours from Thursday 2027-02-04 09:00: 7 that day, 7.5 on Thursday 02-11, 1.5 on Friday 02-12.
        assertThat(deadline("2027-02-04T09:00", Duration.ofHours(16))).isEqualTo("2027-02-12T10:00");
    }

    @Test
    void anAbsurdDurationStillFailsClearly() {
        assertThatThrownBy(() -> calendar.deadline(at("2026-03-02T09:00"), Duration.ofDays(365_000), WORKING))
                .isInstanceOf(CalendarYearNotCovered.class);
    }

    @Test
    void workingTimeIn2019FailsClearly() {
        assertThatThrownBy(() -> calendar.deadline(at("2019-12-31T09:00"), Duration.ofHours(1), WORKING))
                .isInstanceOf(CalendarYearNotCovered.class)
                .hasMessage("The working-time calendar does not reach 2019");
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2019, 12, 31)))
                .isInstanceOf(CalendarYearNotCovered.class);
    }

    @Test
    void customOfficeHoursAreUsed() {
        WorkCalendar nineToFive = WorkCalendar.fromClasspath(OfficeHours.parse("09:00-17:00"), SHANGHAI);
        Instant start = at("2026-02-13T16:00");

        // 1 h on Friday, 8 h on the adjusted Saturday, 7 h on Tuesday.
        assertThat(nineToFive.deadline(start, Duration.ofHours(16), WORKING)).isEqualTo(at("2026-02-24T16:00"));
    }

    @Test
    void officeHoursMayHaveMoreThanTwoPeriods() {
        WorkCalendar shifts =
                WorkCalendar.fromClasspath(OfficeHours.parse("08:00-10:00,10:30-12:00,14:00-18:00"), SHANGHAI);

        assertThat(shifts.deadline(at("2026-03-02T09:00"), Duration.ofHours(3), WORKING))
                .isEqualTo(at("2026-03-02T14:30"));
        assertThat(shifts.deadline(at("2026-03-02T09:00"), Duration.ofMinutes(390), WORKING))
                .isEqualTo(at("2026-03-02T18:00"));
        assertThat(shifts.deadline(at("2026-03-02T09:00"), Duration.ofHours(7), WORKING))
                .isEqualTo(at("2026-03-03T08:30"));
    }

    @Test
    void officeHoursFollowDaylightSavingTimeInZonesThatHaveIt() {
        // Sunday 2026-03-29, made a working day here, loses the hour 02:00-03:00 in Berlin.
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        CalendarYear year = new CalendarYear(2026, Set.of(), Set.of(LocalDate.of(2026, 3, 29)));
        WorkCalendar night = new WorkCalendar(List.of(year), OfficeHours.parse("01:00-04:00"), berlin);
        Instant opens = ZonedDateTime.of(2026, 3, 29, 1, 0, 0, 0, berlin).toInstant();
        Instant closes = ZonedDateTime.of(2026, 3, 29, 4, 0, 0, 0, berlin).toInstant();

        assertThat(night.elapsed(opens, closes, WORKING)).isEqualTo(Duration.ofHours(2));
        assertThat(night.deadline(opens, Duration.ofHours(2), WORKING)).isEqualTo(closes);
    }

    @Test
    void calendarYearsMustBeConsecutiveAndUnique() {
        CalendarYear y2024 = new CalendarYear(2024, Set.of(), Set.of());
        CalendarYear y2026 = new CalendarYear(2026, Set.of(), Set.of());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WorkCalendar(List.of(y2024, y2026), OfficeHours.DEFAULT, SHANGHAI))
                .withMessage("Calendar years must be consecutive, but 2025 is missing between 2024 and 2026");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WorkCalendar(List.of(y2026, y2026), OfficeHours.DEFAULT, SHANGHAI))
                .withMessage("Calendar year 2026 is given twice");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WorkCalendar(List.of(), OfficeHours.DEFAULT, SHANGHAI));
    }

    @Test
    void aDayCannotBeBothHolidayAndAdjustedWorkingDay() {
        LocalDate day = LocalDate.of(2026, 2, 14);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CalendarYear(2026, Set.of(day), Set.of(day)))
                .withMessageContaining("2026-02-14");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CalendarYear(2025, Set.of(day), Set.of()))
                .withMessageContaining("another year");
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    /** The working-time deadline as local Shanghai time text, which makes failures easy to read. */
    private static String deadline(String start, Duration duration) {
        return calendar.deadline(LocalDateTime.parse(start), duration, WORKING).toString();
    }

    private static boolean isInOfficeHours(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, SHANGHAI);
        if (!calendar.isWorkingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        for (OfficeHours.Period period : calendar.officeHours().periods()) {
            if (!time.isBefore(period.start()) && !time.isAfter(period.end())) {
                return true;
            }
        }
        return false;
    }
}
