package org.onegrid.worktime;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A year's arrangement in the JSON layout the shipped files use ({@code calendar/YYYY.json}, the layout of the npm
 * package {@code chinese-days}): {@code {"holidays": {"2027-01-01": "…"}, "workdays": {…}, "inLieuDays": {…}}}, the
 * values being free text. What administrators upload, and what the calendar page and the API give back.
 */
public final class CalendarFile {

    /** The largest file taken: a year's arrangement is a few kilobytes. */
    public static final int MAX_BYTES = 64 * 1024;

    private CalendarFile() {}

    /**
     * Reads the arrangement of {@code year}.
     *
     * @throws IllegalArgumentException saying in Chinese what is wrong: not JSON, a field of another kind, a date that
     *     is no date or lies in another year, a day both off and on
     */
    public static CalendarYear read(int year, InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new IllegalArgumentException("文件读取失败");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("文件超过 " + MAX_BYTES / 1024 + " KB，一年的安排只有几 KB");
        }
        try {
            return read(year, JsonMapper.shared().readTree(bytes));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("文件不是有效的 JSON：" + firstLine(e.getMessage()));
        }
    }

    static CalendarYear read(int year, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("文件应为一个 JSON 对象，含 holidays 和 workdays");
        }
        for (String field : root.propertyNames()) {
            if (!Set.of("holidays", "workdays", "inLieuDays").contains(field)) {
                throw new IllegalArgumentException("不认识的字段 \"" + field + "\"：只有 holidays、workdays、inLieuDays");
            }
        }
        if (root.get("holidays") == null) {
            throw new IllegalArgumentException("缺少 holidays（放假日期）");
        }
        Set<LocalDate> holidays = dates(year, root, "holidays");
        holidays.addAll(dates(year, root, "inLieuDays"));
        Set<LocalDate> workdays = dates(year, root, "workdays");
        for (LocalDate day : holidays) {
            if (workdays.contains(day)) {
                throw new IllegalArgumentException(day + " 既是放假日又是调休上班日");
            }
        }
        return new CalendarYear(year, holidays, workdays, false);
    }

    private static Set<LocalDate> dates(int year, JsonNode root, String field) {
        Set<LocalDate> dates = new HashSet<>();
        JsonNode node = root.get(field);
        if (node == null) {
            return dates;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(field + " 应为以日期为键的对象，如 {\"" + year + "-01-01\": \"元旦\"}");
        }
        for (String text : node.propertyNames()) {
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " 中的 \"" + clip(text) + "\" 不是 YYYY-MM-DD 日期");
            }
            if (date.getYear() != year) {
                throw new IllegalArgumentException(field + " 中的 " + date + " 不属于 " + year + " 年");
            }
            dates.add(date);
        }
        return dates;
    }

    /** The arrangement in the same layout, each day with its festival's name where the law names one. */
    public static ObjectNode write(CalendarYear year) {
        Map<LocalDate, String> festivals = ProvisionalCalendar.festivals(year.year());
        ObjectNode root = JsonMapper.shared().createObjectNode();
        ObjectNode holidays = root.putObject("holidays");
        new TreeSet<>(year.holidays()).forEach(day -> holidays.put(day.toString(), festivals.getOrDefault(day, "")));
        ObjectNode workdays = root.putObject("workdays");
        new TreeSet<>(year.workdays()).forEach(day -> workdays.put(day.toString(), ""));
        return root;
    }

    private static String clip(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return clip(end < 0 ? message : message.substring(0, end));
    }
}
