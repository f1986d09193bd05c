package org.onegrid.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of status of a resident's report (channel {@code CITIZEN}), as the public timeline shows it: when, by
 * which action, to which status. No actor and no comment, except what is written for the reporter.
 *
 * @param sequence the history entry's number within the incident
 * @param open whether the incident was still open after the change
 * @param note for the reporter: the result when it closed the incident, the reason when it rejected it
 * @param itemCode the catalog item the incident was reported under, which says whether it may be published
 */
public record CitizenStatusChangeView(
        UUID incidentId,
        long sequence,
        Instant at,
        String action,
        String actionLabel,
        String status,
        String statusLabel,
        boolean open,
        String note,
        String itemCode) {}
