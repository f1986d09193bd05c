package org.onegrid.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a resident who reported sees of their incident by its tracking code (查询码): what was
 * reported, the status changes with their times and, once closed, the result and its rating. No names of staff or
 * organisations, no phone numbers, no comments: nothing of other people.
 *
 * @param number the incident's number (事件编号), to quote when calling the centre
 * @param canEvaluate closed and not yet rated
 * @param photoIds the photos the resident sent with the report (none of those staff added)
 */
public record PublicIncidentView(
        String trackingCode,
        String number,
        String itemName,
        String status,
        String statusLabel,
        Instant reportedAt,
        Instant closedAt,
        String result,
        String satisfaction,
        boolean canEvaluate,
        List<Step> steps,
        List<UUID> photoIds) {

    /** One change of status: when, by which action, to which status. */
    public record Step(Instant at, String actionLabel, String status, String statusLabel) {}
}
