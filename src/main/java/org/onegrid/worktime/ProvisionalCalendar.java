package org.onegrid.worktime;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The 临时日历 of a year whose holiday arrangement the State Council has not yet published: the statutory holidays of
 * 《全国年节及纪念日放假办法》 as revised in 2024 — 元旦 1 day, 春节 4 days from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1,
 * 国庆 3 — placed by the Chinese lunisolar calendar and the solar terms, weekends off, and no 调休 (the yearly
 * notice's swapped weekends cannot be foreseen).
 *
 * <p>Article 6 of the same 办法 is applied too: a holiday that falls on a Saturday or Sunday is made up on the next
 * working day (补假), as every published arrangement does.
 */
public final class ProvisionalCalendar {

    private ProvisionalCalendar() {}

    /** The computed arrangement of {@code year}. */
    public static CalendarYear of(int year) {
        Map<LocalDate, String> festivals = festivals(year);
        TreeMap<LocalDate, String> holidays = new TreeMap<>(festivals);
        // 补假: each festival's weekend days are made up on the weekdays right after it
        Map<String, List<LocalDate>> byFestival = new LinkedHashMap<>();
        festivals.forEach((day, name) ->
                byFestival.computeIfAbsent(name, n -> new ArrayList<>()).add(day));
        byFestival.forEach((name, days) -> {
            long owed = days.stream().filter(ProvisionalCalendar::isWeekend).count();
            // a festival's days are consecutive, so the made-up days follow its last one
            for (LocalDate next = Collections.max(days).plusDays(1);
                    owed > 0 && next.getYear() == year;
                    next = next.plusDays(1)) {
                if (!isWeekend(next) && !holidays.containsKey(next)) {
                    holidays.put(next, name);
                    owed--;
                }
            }
        });
        return new CalendarYear(year, holidays.keySet(), Set.of(), true);
    }

    /**
     * The statutory festival days of {@code year} (without 补假), each with its festival's name, in date order. The
     * same for official and provisional years, as the law fixes them: shown beside the days on the calendar page.
     */
    public static Map<LocalDate, String> festivals(int year) {
        TreeMap<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, 1, 1), "元旦");
        LocalDate newYear = lunar(year, 1, 1);
        for (int d = -1; d <= 2; d++) {
            days.put(newYear.plusDays(d), "春节");
        }
        days.put(qingming(year), "清明节");
        days.put(LocalDate.of(year, 5, 1), "劳动节");
        days.put(LocalDate.of(year, 5, 2), "劳动节");
        days.put(lunar(year, 5, 5), "端午节");
        // 中秋 may fall within 国庆 (2028-10-03): one day off for both, as the law gives no rule for it
        days.merge(lunar(year, 8, 15), "中秋节", (a, b) -> a + "、" + b);
        for (int d = 1; d <= 3; d++) {
            days.merge(LocalDate.of(year, 10, d), "国庆节", (a, b) -> b + "、" + a);
        }
        return Collections.unmodifiableMap(days);
    }

    /** The Gregorian date, in {@code year}, of day {@code day} of lunar month {@code month} (not a leap month). */
    static LocalDate lunar(int year, int month, int day) {
        // The lunar year whose 正月 begins in this Gregorian year carries the same number.
        return date(Lunar.fromYmd(year, month, day).getSolar());
    }

    /** The day of the solar term 清明 in Beijing time. */
    static LocalDate qingming(int year) {
        return date(Lunar.fromYmd(year, 3, 1).getJieQiTable().get("清明"));
    }

    private static LocalDate date(Solar solar) {
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
