package org.onegrid.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * A resident's report (channel {@code CITIZEN}: the resident pages or an Open311 client) as the public may see it:
 * what, where, where it stands and who handles it, with nothing of the reporter and no staff names.
 *
 * @param status e.g. {@code IN_PROGRESS}, with {@code statusLabel} 处置中
 * @param open reported and not yet closed, rejected or merged
 * @param updatedAt the time of the last action on it
 * @param deadline the running stage's deadline; null without a running stage
 * @param agency the handling department's name once dispatched, otherwise the owning centre's
 * @param result the result (办结反馈) while closed
 * @param rejectReason why it was not accepted (不予受理), while rejected
 * @param mergedInto the incident it duplicates, while merged
 */
public record CitizenRequestView(
        UUID id,
        String status,
        String statusLabel,
        boolean open,
        String itemCode,
        String itemName,
        String text,
        Double longitude,
        Double latitude,
        String address,
        Instant reportedAt,
        Instant updatedAt,
        Instant closedAt,
        Instant deadline,
        String agency,
        String result,
        String rejectReason,
        UUID mergedInto) {}
