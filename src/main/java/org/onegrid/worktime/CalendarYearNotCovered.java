package org.onegrid.worktime;

/**
 * A working-time computation reached a year for which no holiday arrangement (节假日安排) is loaded. The
 * State Council publishes each year's arrangement only late in the previous year, so the calendar refuses to
 * guess rather than silently treat 春节 or 国庆 as ordinary weeks.
 */
public final class CalendarYearNotCovered extends RuntimeException {

    private final int year;

    public CalendarYearNotCovered(int year) {
        super("The working-time calendar has no data for " + year + "; add calendar/" + year + ".json");
        this.year = year;
    }

    /** The year that has no data. */
    public int year() {
        return year;
    }
}
