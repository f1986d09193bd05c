package org.onegrid.patrol;

import java.time.LocalDate;
import java.util.List;
import org.onegrid.registry.HouseholdCard;

/**
 * A household of the worker's grids with its visit schedule: due today (regular or 复访), or overdue.
 *
 * @param tagLabels the groups needing attention among its members (重点人群), in Chinese
 */
public record DueHouseholdView(
        HouseholdCard card,
        List<String> tagLabels,
        int everyDays,
        LocalDate lastVisitOn,
        LocalDate nextDueOn,
        LocalDate revisitBy,
        boolean due,
        boolean overdue) {

    public boolean revisit() {
        return revisitBy != null;
    }
}
