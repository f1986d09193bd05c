package org.onegrid.hazard;

import java.time.LocalDate;
import java.util.List;

/**
 * The figures of a region's screening and hazards in a span: as counts and as percentages people can quote.
 *
 * @param tasksDue tasks due in the span; {@code tasksOnTime} of them done by their day
 * @param hazardsPer100Checks hazards found per 100 tasks done
 * @param rectificationRate share of notified hazards rectified (%)
 * @param onTimeRate share of rectified hazards rectified by their deadline (%)
 * @param closedRate 销号率: share of hazards found that are closed (%)
 * @param majorSupervised open 重大 hazards under 挂牌督办
 */
public record LedgerFigures(
        String regionCode,
        String regionName,
        LocalDate from,
        LocalDate to,
        long tasksDue,
        long tasksDone,
        long tasksOnTime,
        long tasksMissed,
        Double tasksOnTimeRate,
        long hazardsFound,
        long majorFound,
        Double hazardsPer100Checks,
        long notified,
        long rectified,
        Double rectificationRate,
        long rectifiedOnTime,
        Double onTimeRate,
        long closed,
        Double closedRate,
        long overdueOpen,
        long majorSupervised,
        List<Part> parts) {

    /** A region one level down, for the drill-down. */
    public record Part(
            String regionCode,
            String regionName,
            long found,
            long open,
            long closed,
            long overdueOpen,
            long major,
            Double closedRate) {}
}
