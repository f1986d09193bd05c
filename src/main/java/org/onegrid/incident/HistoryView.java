package org.onegrid.incident;

import java.time.Instant;
import java.util.List;

/**
 * An incident's history (全程留痕) and whether its hash chain verifies.
 *
 * @param verified whether every entry is intact and chained to the one before
 * @param firstBroken the sequence number of the first entry that is not; 0 when verified
 */
public record HistoryView(List<Entry> entries, boolean verified, long firstBroken) {

    /** One entry: who did what when, from which status to which, with the hash that seals it. */
    public record Entry(
            long sequence,
            Instant at,
            long actorId,
            String actorName,
            String role,
            long orgId,
            String fromStatus,
            String toStatus,
            String action,
            String actionLabel,
            String comment,
            String detail,
            List<String> attachmentIds,
            String previousHash,
            String hash) {}
}
