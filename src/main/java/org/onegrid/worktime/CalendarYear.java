package org.onegrid.worktime;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One year of the statutory holiday arrangement (法定节假日安排).
 *
 * @param year the calendar year
 * @param holidays days off for a festival, including in-lieu rest days (调休休息); weekend days may be listed
 *     too, they are off anyway
 * @param workdays adjusted working days (调休上班): weekend days on which offices open
 * @param provisional whether this is the computed 临时日历 of a year whose arrangement is not yet published (see
 *     {@link ProvisionalCalendar}), rather than the State Council's official one
 */
public record CalendarYear(int year, Set<LocalDate> holidays, Set<LocalDate> workdays, boolean provisional) {

    /** An official arrangement. */
    public CalendarYear(int year, Set<LocalDate> holidays, Set<LocalDate> workdays) {
        this(year, holidays, workdays, false);
    }

    public CalendarYear {
        holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
        workdays = Set.copyOf(Objects.requireNonNull(workdays, "workdays"));
        for (LocalDate date : holidays) {
            requireInYear(year, date);
            if (workdays.contains(date)) {
                throw new IllegalArgumentException(
                        date + " is listed both as a holiday and as an adjusted working day in " + year);
            }
        }
        for (LocalDate date : workdays) {
            requireInYear(year, date);
        }
    }

    private static void requireInYear(int year, LocalDate date) {
        if (date.getYear() != year) {
            throw new IllegalArgumentException("The calendar for " + year + " lists " + date + " of another year");
        }
    }
}
