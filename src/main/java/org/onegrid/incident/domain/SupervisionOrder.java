package org.onegrid.incident.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A supervision order 督办单 issued by a higher centre or a leader: an instruction with its own deadline, answered
 * by a reply (督办回复) from the owning centre or a handling department.
 *
 * @param number 1, 2, … per incident
 * @param reply null until replied
 */
public record SupervisionOrder(
        int number,
        long issuerUserId,
        long issuerOrgId,
        String instruction,
        Instant issuedAt,
        Instant deadline,
        String reply,
        Long repliedBy,
        Instant repliedAt) {

    public SupervisionOrder {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(deadline, "deadline");
    }

    public boolean isReplied() {
        return repliedAt != null;
    }

    /** Whether the deadline passed without a reply. */
    public boolean isOverdue(Instant now) {
        return !isReplied() && now.isAfter(deadline);
    }

    SupervisionOrder replied(String text, long by, Instant at) {
        return new SupervisionOrder(number, issuerUserId, issuerOrgId, instruction, issuedAt, deadline, text, by, at);
    }
}
