package org.onegrid.casework.notify;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * One in-app notification as its recipient sees it; {@code readAt} is null while unread.
 *
 * @param caseKind the kind of case it is about: {@code incident}, {@code dispute}, …
 * @param caseId the case it is about, or null
 */
public record NotificationView(
        long id, String kind, String text, String caseKind, UUID caseId, Instant createdAt, Instant readAt) {

    /** The incident it is about, or null: what the notifications API has always answered, kept for its clients. */
    @JsonProperty("incidentId")
    public UUID incidentId() {
        return "incident".equals(caseKind) ? caseId : null;
    }
}
