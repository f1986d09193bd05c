package org.onegrid.hazard.domain;

import java.time.Instant;
import java.util.List;

/**
 * One step of a case's history as an aggregate produces it; stored in the shared hash-chained history.
 *
 * @param detail what the step decided, for the record (a deadline, a grade, the answers counted …)
 */
public record Step(
        Instant at,
        Actor actor,
        String fromStatus,
        String toStatus,
        String action,
        String comment,
        String detail,
        List<String> attachmentIds) {

    public Step {
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }
}
