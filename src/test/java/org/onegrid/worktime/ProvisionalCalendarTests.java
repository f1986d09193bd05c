package org.onegrid.worktime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 临时日历 of a year without the State Council's notice: the law's festivals, placed by the sky. */
class ProvisionalCalendarTests {

    private static final Map<Integer, CalendarYear> OFFICIAL = official();

    private static Map<Integer, CalendarYear> official() {
        Map<Integer, CalendarYear> years = new java.util.HashMap<>();
        ClasspathCalendar.load().forEach(y -> years.put(y.year(), y));
        return years;
    }

    @Test
    void theFestivalsOf2027FallWhereTheLunarCalendarAndTheSolarTermsPutThem() {
        assertThat(ProvisionalCalendar.festivals(2027))
                .containsEntry(LocalDate.of(2027, 1, 1), "元旦")
                .containsEntry(LocalDate.of(2027, 2, 5), "春节") // 除夕
                .containsEntry(LocalDate.of(2027, 2, 6), "春节") // 正月初一
                .containsEntry(LocalDate.of(2027, 2, 8), "春节") // 初三
                .containsEntry(LocalDate.of(2027, 4, 5), "清明节")
                .containsEntry(LocalDate.of(2027, 5, 1), "劳动节")
                .containsEntry(LocalDate.of(2027, 5, 2), "劳动节")
                .containsEntry(LocalDate.of(2027, 6, 9), "端午节")
                .containsEntry(LocalDate.of(2027, 9, 15), "中秋节")
                .containsEntry(LocalDate.of(2027, 10, 3), "国庆节")
                .hasSize(13);
    }

    @Test
    void festivalDaysOnAWeekendAreMadeUpOnTheNextWorkingDaysAndNoWeekendIsWorked() {
        CalendarYear year = ProvisionalCalendar.of(2027);

        assertThat(year.provisional()).isTrue();
        assertThat(year.workdays()).isEmpty();
        // 春节 Sat+Sun → Tue 02-09, Wed 02-10; 劳动节 Sat+Sun → Mon 05-03, Tue 05-04; 国庆 Sat+Sun → Mon, Tue
        assertThat(year.holidays())
                .contains(
                        LocalDate.of(2027, 2, 9),
                        LocalDate.of(2027, 2, 10),
                        LocalDate.of(2027, 5, 3),
                        LocalDate.of(2027, 5, 4),
                        LocalDate.of(2027, 10, 4),
                        LocalDate.of(2027, 10, 5))
                .doesNotContain(LocalDate.of(2027, 2, 11), LocalDate.of(2027, 10, 6))
                .hasSize(19);
    }

    /** The sky does not change with the law: the festival days the notices of past years gave off, it finds too. */
    @ParameterizedTest
    @ValueSource(ints = {2020, 2021, 2022, 2023, 2024, 2025, 2026})
    void theLunarAndSolarFestivalsAgreeWithEveryPublishedYear(int year) {
        CalendarYear published = OFFICIAL.get(year);
        assertThat(published.holidays())
                .contains(
                        ProvisionalCalendar.lunar(year, 1, 1),
                        ProvisionalCalendar.qingming(year),
                        ProvisionalCalendar.lunar(year, 5, 5),
                        ProvisionalCalendar.lunar(year, 8, 15));
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void underTheCurrentLawEveryFestivalDayWasOffInThePublishedYears(int year) {
        assertThat(OFFICIAL.get(year).holidays())
                .containsAll(ProvisionalCalendar.festivals(year).keySet());
    }
}
