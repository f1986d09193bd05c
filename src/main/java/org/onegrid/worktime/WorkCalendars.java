package org.onegrid.worktime;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.onegrid.staff.AuditLog;
import org.onegrid.staff.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working-time calendar in force (工作日历): the arrangements shipped with the application, overridden by those an
 * administrator entered (table {@code work_calendar_year}), and the {@link ProvisionalCalendar} for every year without
 * either. Deadlines are counted on {@link #current()}; an entered year replaces it at once on the node that took it,
 * and on every other node within {@code onegrid.worktime.reload-check} (10 s).
 */
public class WorkCalendars {

    private static final Logger log = LoggerFactory.getLogger(WorkCalendars.class);

    /** The first year under the 2024 revision of 《全国年节及纪念日放假办法》. */
    static final int CURRENT_LAW_SINCE = 2025;

    /** From this day on, a provisional next year is announced on the overview pages. */
    static final MonthDay ANNOUNCE_FROM = MonthDay.of(11, 1);

    private final List<CalendarYear> shipped;
    private final OfficeHours officeHours;
    private final java.time.ZoneId zone;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private volatile WorkCalendar current;
    private volatile long loaded;

    WorkCalendars(
            List<CalendarYear> shipped,
            OfficeHours officeHours,
            java.time.ZoneId zone,
            JdbcClient jdbc,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.shipped = List.copyOf(shipped);
        this.officeHours = officeHours;
        this.zone = zone;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        reload();
    }

    /** The calendar deadlines are counted on now. */
    public WorkCalendar current() {
        return current;
    }

    /** The years whose official arrangement was entered here (not shipped), each with who entered it and when. */
    public List<EnteredYear> entered() {
        return jdbc.sql("""
                        SELECT y.year, y.entered_at, u.display_name
                          FROM work_calendar_year y LEFT JOIN staff_user u ON u.id = y.entered_by
                         ORDER BY y.year
                        """)
                .query((rs, n) ->
                        new EnteredYear(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .list();
    }

    /** Who entered a year's arrangement and when. */
    public record EnteredYear(int year, java.time.Instant at, String by) {}

    /**
     * Enters {@code year} as the official arrangement, checked, audited and in force at once; deadlines counted on
     * what it replaces are counted again in the same transaction (listeners of {@link CalendarYearEntered}).
     *
     * @throws IllegalArgumentException naming what is wrong, before anything changed
     */
    @Transactional
    public WorkCalendar enter(CalendarYear year, StaffPrincipal actor) {
        check(year);
        CalendarYear official = new CalendarYear(year.year(), year.holidays(), year.workdays(), false);
        CalendarYear replaced = current.year(year.year()).orElse(ProvisionalCalendar.of(year.year()));
        jdbc.sql("""
                        INSERT INTO work_calendar_year (year, holidays, workdays, entered_by, entered_at)
                        VALUES (:year, :holidays::date[], :workdays::date[], :by, now())
                        ON CONFLICT (year) DO UPDATE
                           SET holidays = EXCLUDED.holidays, workdays = EXCLUDED.workdays,
                               entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at,
                               revision = nextval('work_calendar_revision')
                        """)
                .param("year", official.year())
                .param("holidays", dateArray(official.holidays()))
                .param("workdays", dateArray(official.workdays()))
                .param("by", actor.userId())
                .update();
        WorkCalendar before = current;
        current = before.with(official);
        loaded = revision();
        try {
            events.publishEvent(new CalendarYearEntered(official, replaced));
        } catch (RuntimeException e) {
            current = before; // the transaction rolls back: so does the calendar
            throw e;
        }
        audit.record(
                actor,
                "CALENDAR_YEAR_ENTERED",
                official.year() + ": " + official.holidays().size() + " holidays, "
                        + official.workdays().size() + " adjusted working days");
        log.info("Holiday arrangement of {} entered by {}", official.year(), actor.username());
        return current;
    }

    /**
     * What the overview pages say about the calendar on {@code today}: that this year, or from 1 November on next
     * year, is counted on the provisional calendar because its arrangement is not yet entered.
     */
    public Optional<String> notice(LocalDate today) {
        int year = today.getYear();
        if (current.isProvisional(year)) {
            return Optional.of(message(year));
        }
        if (!MonthDay.from(today).isBefore(ANNOUNCE_FROM) && current.isProvisional(year + 1)) {
            return Optional.of(message(year + 1));
        }
        return Optional.empty();
    }

    private static String message(int year) {
        return year + " 年节假日安排尚未录入，期限按法定节日临时计算";
    }

    @Scheduled(
            fixedDelayString = "${onegrid.worktime.reload-check:10s}",
            initialDelayString = "${onegrid.worktime.reload-check:10s}")
    void scheduled() {
        if (revision() != loaded) {
            reload();
            log.info("Working-time calendar reloaded: a year was entered on another node");
        } else if (Year.now(zone).getValue() + WorkCalendar.YEARS_AHEAD > current.lastYear()) {
            reload(); // a new year began: the calendar reaches as far ahead as before
        }
    }

    /** Reads the entered years and builds the calendar anew. */
    void reload() {
        long revision = revision();
        Map<Integer, CalendarYear> years = new TreeMap<>();
        shipped.forEach(y -> years.put(y.year(), y));
        jdbc.sql("SELECT year, holidays, workdays FROM work_calendar_year")
                .query((rs, n) -> new CalendarYear(rs.getInt(1), dates(rs.getArray(2)), dates(rs.getArray(3)), false))
                .list()
                .forEach(y -> years.put(y.year(), y));
        current = WorkCalendar.covering(
                years.values(), Year.now(zone).getValue() + WorkCalendar.YEARS_AHEAD, officeHours, zone);
        loaded = revision;
    }

    private long revision() {
        return jdbc.sql("SELECT coalesce(max(revision), 0) FROM work_calendar_year")
                .query(Long.class)
                .single();
    }

    private void check(CalendarYear year) {
        int first = current.firstYear();
        if (year.year() < first) {
            throw new IllegalArgumentException("日历从 " + first + " 年开始，" + year.year() + " 年的安排不再用于计算期限");
        }
        if (year.year() > current.lastYear()) {
            throw new IllegalArgumentException("只能录入 " + current.lastYear() + " 年以前的安排");
        }
        for (LocalDate day : year.workdays()) {
            if (day.getDayOfWeek().getValue() < 6) {
                throw new IllegalArgumentException(day + " 是工作日，不必列为调休上班日");
            }
        }
        if (year.year() < CURRENT_LAW_SINCE) {
            return;
        }
        // Every festival day of the law is off in every arrangement: one missing is a wrong year or a cut file.
        List<String> missing = new ArrayList<>();
        ProvisionalCalendar.festivals(year.year()).forEach((day, name) -> {
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            boolean off = year.holidays().contains(day)
                    || (weekend && !year.workdays().contains(day));
            if (!off) {
                missing.add(day + " " + name);
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("安排缺少法定节日：" + String.join("、", missing) + "；请检查年份和内容");
        }
    }

    private static Set<LocalDate> dates(Array array) throws SQLException {
        Set<LocalDate> dates = new HashSet<>();
        for (Object value : (Object[]) array.getArray()) {
            dates.add(((Date) value).toLocalDate());
        }
        return dates;
    }

    private static String[] dateArray(Set<LocalDate> dates) {
        return dates.stream().sorted().map(LocalDate::toString).toArray(String[]::new);
    }
}
