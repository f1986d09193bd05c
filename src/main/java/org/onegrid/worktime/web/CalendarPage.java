package org.onegrid.worktime.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.worktime.CalendarFile;
import org.onegrid.worktime.CalendarYear;
import org.onegrid.worktime.ProvisionalCalendar;
import org.onegrid.worktime.WorkCalendar;
import org.onegrid.worktime.WorkCalendars;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 工作日历 on the administration pages: a year's months with every day off and adjusted working day, whether the year
 * is official or provisional, and two ways to enter the official arrangement — upload the State Council's notice as
 * the JSON file the application ships, or mark the days on the page.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CalendarPage {

    private final WorkCalendars calendars;

    CalendarPage(WorkCalendars calendars) {
        this.calendars = calendars;
    }

    /** One day of the month grid. */
    record Day(LocalDate date, boolean weekend, boolean off, boolean adjustedWorkday, String festival) {}

    /** A month: its weeks from Monday, {@code null} for the days of the neighbouring months. */
    record Month(int number, List<List<Day>> weeks) {}

    @GetMapping("/admin/calendar")
    String page(@RequestParam(required = false) String year, Model model) {
        WorkCalendar calendar = calendars.current();
        int shown = year == null ? defaultYear(calendar) : known(year, calendar);
        return render(shown, calendar.year(shown).orElseThrow(), model);
    }

    @PostMapping("/admin/calendar/{year}")
    String mark(
            @PathVariable String year,
            @RequestParam(name = "off", required = false) List<String> off,
            @RequestParam(name = "on", required = false) List<String> on,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        int number = known(year, calendars.current());
        CalendarYear marked;
        try {
            marked = new CalendarYear(number, dates(off), dates(on), false);
        } catch (IllegalArgumentException e) {
            return rejected(number, "日期有误：" + e.getMessage(), model, response);
        }
        return enter(marked, me, model, response, redirect);
    }

    @PostMapping("/admin/calendar/{year}/file")
    String upload(
            @PathVariable String year,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        int number = known(year, calendars.current());
        if (file == null || file.isEmpty()) {
            return rejected(number, "请选择要上传的 JSON 文件", model, response);
        }
        CalendarYear read;
        try {
            read = CalendarFile.read(number, file.getInputStream());
        } catch (IllegalArgumentException e) {
            return rejected(number, e.getMessage(), model, response);
        }
        return enter(read, me, model, response, redirect);
    }

    /** The overview's tile: the years ahead, and the notice while one is provisional. */
    @GetMapping("/admin/calendar/summary")
    String summary(Model model) {
        WorkCalendar calendar = calendars.current();
        LocalDate today = LocalDate.now(calendar.zone());
        List<Integer> years = List.of(today.getYear(), today.getYear() + 1);
        model.addAttribute("calendarYears", years);
        model.addAttribute("calendar", calendar);
        model.addAttribute("calendarNotice", calendars.notice(today).orElse(null));
        return "admin/calendar :: summary";
    }

    private String enter(
            CalendarYear year,
            StaffPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            calendars.enter(year, me);
        } catch (IllegalArgumentException e) {
            return rejected(year.year(), e.getMessage(), model, response);
        }
        redirect.addFlashAttribute("entered", year.year());
        return "redirect:/admin/calendar?year=" + year.year();
    }

    private String rejected(int year, String reason, Model model, HttpServletResponse response) {
        model.addAttribute("error", reason);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return render(year, calendars.current().year(year).orElseThrow(), model);
    }

    private String render(int year, CalendarYear data, Model model) {
        WorkCalendar calendar = calendars.current();
        Map<LocalDate, String> festivals = ProvisionalCalendar.festivals(year);
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            List<List<Day>> weeks = new ArrayList<>();
            List<Day> week = new ArrayList<>();
            for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
                week.add(null);
            }
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                LocalDate date = month.atDay(d);
                boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
                week.add(new Day(
                        date,
                        weekend,
                        data.holidays().contains(date),
                        data.workdays().contains(date),
                        festivals.get(date)));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        LocalDate today = LocalDate.now(calendar.zone());
        List<Integer> years = new ArrayList<>();
        for (int y = calendar.firstYear();
                y <= Math.max(today.getYear() + 2, CalendarApi.lastOfficial(calendar));
                y++) {
            years.add(y);
        }
        model.addAttribute("year", year);
        model.addAttribute("years", years);
        model.addAttribute("provisional", data.provisional());
        model.addAttribute("months", months);
        model.addAttribute("holidayCount", data.holidays().size());
        model.addAttribute("workdayCount", data.workdays().size());
        model.addAttribute("calendar", calendar);
        model.addAttribute(
                "enteredYear",
                calendars.entered().stream()
                        .filter(e -> e.year() == year)
                        .findFirst()
                        .orElse(null));
        model.addAttribute("calendarNotice", calendars.notice(today).orElse(null));
        return "admin/calendar";
    }

    private static int defaultYear(WorkCalendar calendar) {
        LocalDate today = LocalDate.now(calendar.zone());
        // from November on, next year's arrangement is what an administrator comes to enter
        return today.getMonthValue() >= 11 && calendar.isProvisional(today.getYear() + 1)
                ? today.getYear() + 1
                : today.getYear();
    }

    private static int known(String text, WorkCalendar calendar) {
        try {
            int year = Integer.parseInt(text);
            if (calendar.year(year).isPresent()) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below as any unknown year
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有 " + text + " 年的日历");
    }

    private static Set<LocalDate> dates(List<String> values) {
        Set<LocalDate> dates = new HashSet<>();
        if (values != null) {
            for (String value : values) {
                try {
                    dates.add(LocalDate.parse(value));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("\"" + value + "\" 不是日期");
                }
            }
        }
        return dates;
    }
}
