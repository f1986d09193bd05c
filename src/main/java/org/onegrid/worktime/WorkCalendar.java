package org.onegrid.worktime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.onegrid.shared.config.CityTime;

/**
 * Working-time calendar (工作日历): which days are working days and how much working time (工作时) lies between
 * two instants, so that time limits (办理时限) can be set and checked.
 *
 * <p>A day is a working day if it is Monday to Friday and not a statutory holiday, or if it is an adjusted
 * working day (调休上班, e.g. the Saturday before 春节). On working days only the {@link OfficeHours} count. The
 * calendar covers whole years, contiguously; anything outside them throws {@link CalendarYearNotCovered}. A year may be
 * {@linkplain CalendarYear#provisional() provisional}: computed by {@link ProvisionalCalendar} because its official
 * arrangement is not yet known; {@link #covering} fills every such year, so that work never stops for want of data.
 *
 * <p>Immutable and thread-safe. Everything is precomputed per day at construction, so {@link #deadline} and
 * {@link #elapsed} take constant time plus a binary search, independent of the duration.
 */
public final class WorkCalendar {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;

    /**
     * How many years past this one the calendar reaches, computed provisionally where no arrangement is known: a
     * deadline is months away at most, so this is room, and the calendar is rebuilt as the years pass.
     */
    public static final int YEARS_AHEAD = 5;

    private final OfficeHours officeHours;
    private final ZoneId zone;
    private final Map<Integer, CalendarYear> years;
    private final int firstYear;
    private final int lastYear;

    // Day index d counts days from January 1 of firstYear; all instants are nanoseconds since the epoch.
    private final long firstEpochDay;
    private final int days;
    private final boolean[] workingDay;
    // Local midnight starting day d; dayStart[days] ends the last day.
    private final long[] dayStart;
    private final long firstSecond;
    private final long endSecond;
    // Office periods of day d at [d * periodsPerDay, (d + 1) * periodsPerDay), in order; length 0 on days off.
    // Computed per day (not as fixed offsets) so a zone with daylight saving time still gets correct instants.
    private final int periodsPerDay;
    private final long[] periodStart;
    private final long[] periodLength;
    // Working time on all days before day d; workedBefore[days] is the total. Non-decreasing, so binary search
    // finds the day a deadline falls on without walking the days in between.
    private final long[] workedBefore;

    /**
     * Builds a calendar from holiday data.
     *
     * @param years holiday arrangements of consecutive years, in any order
     * @param officeHours office hours of every working day
     * @param zone where the office hours are local time
     * @throws IllegalArgumentException if no year is given, a year is given twice or a year between is missing
     */
    public WorkCalendar(Collection<CalendarYear> years, OfficeHours officeHours, ZoneId zone) {
        this.officeHours = Objects.requireNonNull(officeHours, "officeHours");
        this.zone = Objects.requireNonNull(zone, "zone");
        TreeMap<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear year : years) {
            if (byYear.put(year.year(), year) != null) {
                throw new IllegalArgumentException("Calendar year " + year.year() + " is given twice");
            }
        }
        if (byYear.isEmpty()) {
            throw new IllegalArgumentException("A working-time calendar needs at least one year");
        }
        this.years = Collections.unmodifiableMap(byYear);
        this.firstYear = byYear.firstKey();
        this.lastYear = byYear.lastKey();
        for (int year = firstYear; year <= lastYear; year++) {
            // A gap cannot be bridged: a deadline counted across it would be a guess.
            if (!byYear.containsKey(year)) {
                throw new IllegalArgumentException("Calendar years must be consecutive, but " + year
                        + " is missing between " + firstYear + " and " + lastYear);
            }
        }

        LocalDate first = LocalDate.of(firstYear, 1, 1);
        LocalDate end = LocalDate.of(lastYear + 1, 1, 1);
        this.firstEpochDay = first.toEpochDay();
        this.days = Math.toIntExact(end.toEpochDay() - firstEpochDay);
        List<OfficeHours.Period> periods = officeHours.periods();
        this.periodsPerDay = periods.size();
        this.workingDay = new boolean[days];
        this.dayStart = new long[days + 1];
        this.periodStart = new long[days * periodsPerDay];
        this.periodLength = new long[days * periodsPerDay];
        this.workedBefore = new long[days + 1];

        for (int d = 0; d < days; d++) {
            LocalDate date = first.plusDays(d);
            CalendarYear year = byYear.get(date.getYear());
            boolean working = year.workdays().contains(date)
                    || (!isWeekend(date) && !year.holidays().contains(date));
            workingDay[d] = working;
            dayStart[d] = exactNanos(date.atStartOfDay(zone).toInstant());
            long worked = 0;
            for (int p = 0; p < periodsPerDay; p++) {
                int i = d * periodsPerDay + p;
                if (working) {
                    OfficeHours.Period period = periods.get(p);
                    periodStart[i] = exactNanos(
                            ZonedDateTime.of(date, period.start(), zone).toInstant());
                    long periodEnd = exactNanos(
                            ZonedDateTime.of(date, period.end(), zone).toInstant());
                    // Only a daylight-saving gap could swallow a period entirely.
                    periodLength[i] = Math.max(0, periodEnd - periodStart[i]);
                } else {
                    periodStart[i] = dayStart[d];
                    periodLength[i] = 0;
                }
                worked += periodLength[i];
            }
            workedBefore[d + 1] = workedBefore[d] + worked;
        }
        dayStart[days] = exactNanos(end.atStartOfDay(zone).toInstant());
        // Offsets are whole seconds, so midnights are too.
        this.firstSecond = dayStart[0] / NANOS_PER_SECOND;
        this.endSecond = dayStart[days] / NANOS_PER_SECOND;
    }

    /**
     * A calendar from the official arrangements given, with every year between them and up to {@code through} filled
     * by the {@link ProvisionalCalendar}.
     */
    public static WorkCalendar covering(
            Collection<CalendarYear> official, int through, OfficeHours officeHours, ZoneId zone) {
        TreeMap<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear year : official) {
            if (byYear.put(year.year(), year) != null) {
                throw new IllegalArgumentException("Calendar year " + year.year() + " is given twice");
            }
        }
        if (byYear.isEmpty()) {
            throw new IllegalArgumentException("A working-time calendar needs at least one official year");
        }
        int last = Math.max(byYear.lastKey(), through);
        for (int year = byYear.firstKey(); year <= last; year++) {
            byYear.computeIfAbsent(year, ProvisionalCalendar::of);
        }
        return new WorkCalendar(byYear.values(), officeHours, zone);
    }

    /**
     * The arrangements shipped with OneGrid ({@code calendar/YYYY.json} on the classpath), then provisional years up
     * to {@value #YEARS_AHEAD} years past this one.
     */
    public static WorkCalendar fromClasspath(OfficeHours officeHours, ZoneId zone) {
        return covering(ClasspathCalendar.load(), Year.now(zone).getValue() + YEARS_AHEAD, officeHours, zone);
    }

    /** The shipped calendar with {@link OfficeHours#DEFAULT} office hours in China Standard Time (Asia/Shanghai). */
    public static WorkCalendar standard() {
        return fromClasspath(OfficeHours.DEFAULT, CityTime.ZONE);
    }

    /** This calendar with {@code year}'s arrangement replaced (or added next to the covered years). */
    public WorkCalendar with(CalendarYear year) {
        TreeMap<Integer, CalendarYear> byYear = new TreeMap<>(years);
        byYear.put(year.year(), year);
        return new WorkCalendar(byYear.values(), officeHours, zone);
    }

    /** The arrangement of {@code year}, official or provisional; empty outside the covered years. */
    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** Whether deadlines counted in {@code year} are counted on the computed 临时日历, not the official one. */
    public boolean isProvisional(int year) {
        CalendarYear data = years.get(year);
        return data == null || data.provisional();
    }

    /** Whether the working time from {@code start} up to {@code end} touches a provisional year. */
    public boolean isProvisional(Instant start, Instant end) {
        int from = LocalDate.ofInstant(start, zone).getYear();
        int to = LocalDate.ofInstant(end, zone).getYear();
        for (int year = from; year <= to; year++) {
            if (isProvisional(year)) {
                return true;
            }
        }
        return false;
    }

    /**
     * When a time limit of {@code duration} starting at {@code start} runs out.
     *
     * <p>{@link TimeMode#NATURAL 自然时}: {@code start + duration}. {@link TimeMode#WORKING 工作时}: only time in
     * office hours on working days counts; a start outside office hours begins counting when the next office
     * period opens. A deadline that uses up an office period exactly is the end of that period (17:30, not the
     * next morning at 08:30). A zero duration gives {@code start}.
     *
     * @throws CalendarYearNotCovered (working time only) if counting starts or would end in a year without data
     * @throws IllegalArgumentException if the duration is negative
     */
    public Instant deadline(Instant start, Duration duration, TimeMode mode) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(mode, "mode");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A time limit cannot be negative: " + duration);
        }
        if (mode == TimeMode.NATURAL) {
            return start.plus(duration);
        }
        long from = coveredNanos(start);
        if (duration.isZero()) {
            return start;
        }
        long total = workedBefore[days];
        // Checked in seconds first so that toNanos() cannot overflow on an absurd duration.
        if (duration.getSeconds() > total / NANOS_PER_SECOND) {
            throw new CalendarYearNotCovered(lastYear + 1);
        }
        int startDay = dayIndex(from);
        long target = workedUntil(startDay, from) + duration.toNanos();
        if (target > total) {
            throw new CalendarYearNotCovered(lastYear + 1);
        }

        // The deadline lies on the first day d whose working time so far, workedBefore[d + 1], reaches the target.
        // The start day has workedBefore[startDay] < target, so the search begins after it.
        int low = startDay + 1;
        int high = days;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (workedBefore[middle] >= target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        int day = low - 1;
        long remaining = target - workedBefore[day];
        int base = day * periodsPerDay;
        for (int p = 0; p < periodsPerDay; p++) {
            long length = periodLength[base + p];
            // "<=" rather than "<": time running out as the office closes stays at closing time.
            if (remaining <= length) {
                return instantOf(periodStart[base + p] + remaining);
            }
            remaining -= length;
        }
        throw new IllegalStateException("Working time of " + LocalDate.ofEpochDay(firstEpochDay + day)
                + " does not add up; this is a bug in WorkCalendar");
    }

    /** {@link #deadline(Instant, Duration, TimeMode)} in the time zone of {@code start}. */
    public ZonedDateTime deadline(ZonedDateTime start, Duration duration, TimeMode mode) {
        return deadline(start.toInstant(), duration, mode).atZone(start.getZone());
    }

    /** {@link #deadline(Instant, Duration, TimeMode)} in local time of this calendar's {@link #zone()}. */
    public LocalDateTime deadline(LocalDateTime start, Duration duration, TimeMode mode) {
        return LocalDateTime.ofInstant(deadline(start.atZone(zone).toInstant(), duration, mode), zone);
    }

    /**
     * How much time counts between two instants: all of it for {@link TimeMode#NATURAL 自然时}, only office hours
     * on working days for {@link TimeMode#WORKING 工作时}. Zero if {@code end} is not after {@code start}.
     *
     * <p>Inverse of {@link #deadline}: {@code elapsed(s, deadline(s, d, m), m)} equals {@code d}.
     *
     * @throws CalendarYearNotCovered (working time only) if either instant lies in a year without data
     */
    public Duration elapsed(Instant start, Instant end, TimeMode mode) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(mode, "mode");
        if (!end.isAfter(start)) {
            return Duration.ZERO;
        }
        if (mode == TimeMode.NATURAL) {
            return Duration.between(start, end);
        }
        long from = coveredNanos(start);
        long to = coveredNanos(end);
        return Duration.ofNanos(workedUntil(dayIndex(to), to) - workedUntil(dayIndex(from), from));
    }

    /**
     * Whether offices open on this day: Monday to Friday except holidays, plus adjusted working days (调休上班).
     *
     * @throws CalendarYearNotCovered if the date lies in a year without data
     */
    public boolean isWorkingDay(LocalDate date) {
        long index = date.toEpochDay() - firstEpochDay;
        if (index < 0 || index >= days) {
            throw new CalendarYearNotCovered(date.getYear());
        }
        return workingDay[(int) index];
    }

    public OfficeHours officeHours() {
        return officeHours;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first year with holiday data. */
    public int firstYear() {
        return firstYear;
    }

    /** The last year with holiday data; working time cannot be counted into the year after. */
    public int lastYear() {
        return lastYear;
    }

    @Override
    public String toString() {
        return "WorkCalendar[" + firstYear + "-" + lastYear + ", " + officeHours + " " + zone + "]";
    }

    /** Working time from the start of the calendar up to {@code nanos}, which lies on day {@code day}. */
    private long workedUntil(int day, long nanos) {
        long worked = workedBefore[day];
        int base = day * periodsPerDay;
        for (int p = 0; p < periodsPerDay; p++) {
            long into = nanos - periodStart[base + p];
            if (into <= 0) {
                break; // periods are in order: the later ones have not begun either
            }
            worked += Math.min(into, periodLength[base + p]);
        }
        return worked;
    }

    /** The day {@code nanos} lies on; {@code nanos} must be covered. */
    private int dayIndex(long nanos) {
        // Exact for fixed offsets like Asia/Shanghai; daylight saving time moves midnight by at most a day.
        int day = (int) Math.min((nanos - dayStart[0]) / NANOS_PER_DAY, days - 1);
        while (dayStart[day] > nanos) {
            day--;
        }
        while (dayStart[day + 1] <= nanos) {
            day++;
        }
        return day;
    }

    private long coveredNanos(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < firstSecond || seconds >= endSecond) {
            throw new CalendarYearNotCovered(LocalDate.ofInstant(instant, zone).getYear());
        }
        return seconds * NANOS_PER_SECOND + instant.getNano();
    }

    private static long exactNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    private static Instant instantOf(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
