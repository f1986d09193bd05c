package org.onegrid.hazard.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a plan screens: 每季度 quarterly, 每月 monthly, 每半月 half-monthly, 每周 weekly, 每日 daily, or 每 N 天 every
 * N days (counted from the plan's first day). Written as plans and people say it, in English or Chinese: {@code
 * quarterly}, {@code monthly}, {@code half-monthly}, {@code weekly}, {@code daily}, {@code every 10 days}, {@code 每季度},
 * {@code 每月}, {@code 每半月}, {@code 每周}, {@code 每日}, {@code 每10天}.
 *
 * @param everyDays for {@link Unit#DAYS}: the length of a period in days; otherwise 0
 */
public record Frequency(Unit unit, int everyDays) {

    public static final int MAX_EVERY_DAYS = 366;

    private static final Pattern EVERY_N = Pattern.compile("(?:every\\s*(\\d{1,4})\\s*days?|每\\s*(\\d{1,4})\\s*[天日])");

    /** The kinds of period. */
    public enum Unit {
        QUARTER("每季度"),
        MONTH("每月"),
        HALF_MONTH("每半月"),
        WEEK("每周"),
        DAY("每日"),
        DAYS("每 N 天");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One period: its stable key (the unique part of its tasks' key), its days (both inclusive) and its name. */
    public record Slot(String key, LocalDate start, LocalDate end, String label) {}

    /**
     * Reads a frequency, or refuses it naming the forms it understands.
     *
     * @throws Refused when the text is not one of the forms
     */
    public static Frequency parse(String text) {
        if (text == null || text.isBlank()) {
            throw unreadable(text);
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        Frequency f = switch (t) {
            case "quarterly", "每季度", "每季", "季度" -> new Frequency(Unit.QUARTER, 0);
            case "monthly", "每月", "每个月", "月度" -> new Frequency(Unit.MONTH, 0);
            case "half-monthly", "semi-monthly", "每半月", "每半个月", "半月" -> new Frequency(Unit.HALF_MONTH, 0);
            case "weekly", "每周", "每星期", "每週" -> new Frequency(Unit.WEEK, 0);
            case "daily", "每日", "每天" -> new Frequency(Unit.DAY, 0);
            default -> null;
        };
        if (f != null) {
            return f;
        }
        Matcher m = EVERY_N.matcher(t);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            if (n < 1 || n > MAX_EVERY_DAYS) {
                throw new Refused(
                        "frequency", "plan.frequency", "排查周期“" + text.strip() + "”的天数须在 1 到 " + MAX_EVERY_DAYS + " 之间");
            }
            return n == 1 ? new Frequency(Unit.DAY, 0) : new Frequency(Unit.DAYS, n);
        }
        throw unreadable(text);
    }

    private static Refused unreadable(String text) {
        return new Refused(
                "frequency",
                "plan.frequency",
                "无法识别排查周期“" + (text == null ? "" : text.strip()) + "”：请写 每季度、每月、每半月、每周、每日 或 每N天"
                        + "（quarterly, monthly, half-monthly, weekly, daily, every N days）");
    }

    /** The form {@link #parse} reads back. */
    public String text() {
        return switch (unit) {
            case QUARTER -> "quarterly";
            case MONTH -> "monthly";
            case HALF_MONTH -> "half-monthly";
            case WEEK -> "weekly";
            case DAY -> "daily";
            case DAYS -> "every " + everyDays + " days";
        };
    }

    /** 每季度, 每月 …, 每10天. */
    public String label() {
        return unit == Unit.DAYS ? "每" + everyDays + "天" : unit.label();
    }

    /** The period that holds {@code day}; {@code anchor} is the plan's first day (counts the every-N-days periods). */
    public Slot slotOf(LocalDate day, LocalDate anchor) {
        return switch (unit) {
            case QUARTER -> {
                int q = day.get(IsoFields.QUARTER_OF_YEAR);
                LocalDate start = LocalDate.of(day.getYear(), (q - 1) * 3 + 1, 1);
                yield new Slot(
                        day.getYear() + "-Q" + q,
                        start,
                        start.plusMonths(3).minusDays(1),
                        day.getYear() + "年第" + "一二三四".charAt(q - 1) + "季度");
            }
            case MONTH -> {
                LocalDate start = day.withDayOfMonth(1);
                yield new Slot(
                        String.format("%d-%02d", day.getYear(), day.getMonthValue()),
                        start,
                        day.with(TemporalAdjusters.lastDayOfMonth()),
                        day.getYear() + "年" + day.getMonthValue() + "月");
            }
            case HALF_MONTH -> {
                boolean first = day.getDayOfMonth() <= 15;
                LocalDate start = first ? day.withDayOfMonth(1) : day.withDayOfMonth(16);
                LocalDate end = first ? day.withDayOfMonth(15) : day.with(TemporalAdjusters.lastDayOfMonth());
                yield new Slot(
                        String.format("%d-%02d-%s", day.getYear(), day.getMonthValue(), first ? "H1" : "H2"),
                        start,
                        end,
                        day.getYear() + "年" + day.getMonthValue() + "月" + (first ? "上半月" : "下半月"));
            }
            case WEEK -> {
                LocalDate start = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                int week = start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                int year = start.get(IsoFields.WEEK_BASED_YEAR);
                yield new Slot(
                        String.format("%d-W%02d", year, week), start, start.plusDays(6), year + "年第" + week + "周");
            }
            case DAY ->
                new Slot(
                        day.toString(),
                        day,
                        day,
                        day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日");
            case DAYS -> {
                long since = ChronoUnit.DAYS.between(anchor, day);
                long index = Math.floorDiv(since, everyDays);
                LocalDate start = anchor.plusDays(index * everyDays);
                LocalDate end = start.plusDays(everyDays - 1L);
                yield new Slot(
                        start + "+" + everyDays + "d",
                        start,
                        end,
                        start.getMonthValue() + "月" + start.getDayOfMonth() + "日至" + end.getMonthValue() + "月"
                                + end.getDayOfMonth() + "日");
            }
        };
    }

    /**
     * The periods from the one holding {@code from} to the one holding {@code to}, in order; at most {@code limit}
     * of them (the earliest), so that a plan long switched off catches up in bounded steps.
     */
    public List<Slot> slotsBetween(LocalDate from, LocalDate to, LocalDate anchor, int limit) {
        List<Slot> slots = new ArrayList<>();
        Slot s = slotOf(from, anchor);
        while (!s.start().isAfter(to) && slots.size() < limit) {
            slots.add(s);
            s = slotOf(s.end().plusDays(1), anchor);
        }
        return slots;
    }
}
