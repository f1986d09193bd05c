package org.onegrid.worktime;

/**
 * A working-time computation reached a year outside the calendar: before its first official year, or more than
 * {@value WorkCalendar#YEARS_AHEAD} years ahead (years in between are counted on the {@link ProvisionalCalendar}).
 */
public final class CalendarYearNotCovered extends RuntimeException {

    private final int year;

    public CalendarYearNotCovered(int year) {
        super("The working-time calendar does not reach " + year);
        this.year = year;
    }

    /** The year that has no data. */
    public int year() {
        return year;
    }
}
