package org.onegrid.worktime.web;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.worktime.CalendarFile;
import org.onegrid.worktime.CalendarYear;
import org.onegrid.worktime.ProvisionalCalendar;
import org.onegrid.worktime.WorkCalendar;
import org.onegrid.worktime.WorkCalendars;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The working-time calendar 工作日历: anyone signed in reads it; administrators enter a year's official arrangement. */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApi {

    private final WorkCalendars calendars;

    CalendarApi(WorkCalendars calendars) {
        this.calendars = calendars;
    }

    /** A year: whether it is official or provisional, who entered it, its days off and adjusted working days. */
    record YearView(
            int year,
            boolean provisional,
            Instant enteredAt,
            String enteredBy,
            List<LocalDate> holidays,
            List<LocalDate> workdays,
            Map<LocalDate, String> festivals) {}

    /** The years from the first official one up to two years ahead of this one, newest last. */
    @GetMapping("/years")
    List<YearView> years() {
        WorkCalendar calendar = calendars.current();
        int last = Math.max(LocalDate.now(calendar.zone()).getYear() + 2, lastOfficial(calendar));
        List<WorkCalendars.EnteredYear> entered = calendars.entered();
        List<YearView> years = new ArrayList<>();
        for (int year = calendar.firstYear(); year <= last; year++) {
            years.add(view(year, entered));
        }
        return years;
    }

    @GetMapping("/years/{year}")
    YearView year(@PathVariable String year) {
        return view(known(year), calendars.entered());
    }

    /**
     * Enters a year's official arrangement (the layout of the shipped {@code calendar/YYYY.json}); open deadlines
     * counted on what it replaces are counted again.
     */
    @PutMapping("/years/{year}")
    @PreAuthorize("hasRole('ADMIN')")
    YearView enter(@PathVariable String year, @RequestBody byte[] body, @AuthenticationPrincipal StaffPrincipal me) {
        int number = known(year);
        try {
            calendars.enter(CalendarFile.read(number, new ByteArrayInputStream(body)), me);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("body", e.getMessage());
        }
        return view(number, calendars.entered());
    }

    private int known(String text) {
        WorkCalendar calendar = calendars.current();
        int year;
        try {
            year = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw Problems.notFound("calendar year", text);
        }
        if (calendar.year(year).isEmpty()) {
            throw Problems.notFound("calendar year", text);
        }
        return year;
    }

    private YearView view(int year, List<WorkCalendars.EnteredYear> all) {
        CalendarYear data = calendars.current().year(year).orElseThrow();
        Optional<WorkCalendars.EnteredYear> entered =
                all.stream().filter(e -> e.year() == year).findFirst();
        return new YearView(
                year,
                data.provisional(),
                entered.map(WorkCalendars.EnteredYear::at).orElse(null),
                entered.map(WorkCalendars.EnteredYear::by).orElse(null),
                data.holidays().stream().sorted().toList(),
                data.workdays().stream().sorted().toList(),
                ProvisionalCalendar.festivals(year));
    }

    static int lastOfficial(WorkCalendar calendar) {
        int last = calendar.firstYear();
        for (int year = calendar.firstYear(); year <= calendar.lastYear(); year++) {
            if (!calendar.isProvisional(year)) {
                last = year;
            }
        }
        return last;
    }
}
