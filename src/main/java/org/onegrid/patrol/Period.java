package org.onegrid.patrol;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import org.onegrid.patrol.domain.Periods;
import org.onegrid.shared.web.Problems;

/**
 * A coverage period: a month, quarter or year (read from counters kept on write) or any range of days (counted from
 * the visits themselves).
 *
 * @param key the counters' key ({@code 2026-12}, {@code 2026-Q4}, {@code 2026}); null for a custom range
 */
public record Period(String kind, String key, LocalDate from, LocalDate to) {

    /** The period of {@code kind} (month, quarter, year, custom) around {@code day}, or from–to for custom. */
    public static Period of(String kind, LocalDate day, LocalDate from, LocalDate to) {
        Problems.checkDay("date", day);
        Problems.checkDay("from", from);
        Problems.checkDay("to", to);
        String k = kind == null || kind.isBlank() ? "month" : kind.strip();
        return switch (k) {
            case "month" ->
                new Period(k, Periods.month(day), day.withDayOfMonth(1), day.withDayOfMonth(day.lengthOfMonth()));
            case "quarter" -> {
                LocalDate first = day.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new Period(
                        k, Periods.quarter(day), first, first.plusMonths(3).minusDays(1));
            }
            case "year" ->
                new Period(
                        k, String.valueOf(day.getYear()), day.withDayOfYear(1), day.withDayOfYear(day.lengthOfYear()));
            case "custom" -> {
                if (from == null || to == null) {
                    throw Problems.invalid(from == null ? "from" : "to", "自定义期间须填写开始和结束日期");
                }
                if (to.isBefore(from) || from.plusYears(1).isBefore(to)) {
                    throw Problems.invalid("to", "结束日期须不早于开始日期，且期间不超过一年");
                }
                yield new Period(k, null, from, to);
            }
            default -> throw Problems.invalid("period", "期间须为 month、quarter、year 或 custom，不是 " + k);
        };
    }

    public String label() {
        return switch (kind) {
            case "month" -> from.getYear() + "年" + from.getMonthValue() + "月";
            case "quarter" -> from.getYear() + "年第" + ((from.getMonthValue() - 1) / 3 + 1) + "季度";
            case "year" -> from.getYear() + "年";
            default -> from + " 至 " + to;
        };
    }
}
