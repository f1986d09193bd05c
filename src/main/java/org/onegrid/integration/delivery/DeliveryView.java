package org.onegrid.integration.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery as the admin page and the reconciliation show it.
 *
 * @param state {@code PENDING}, {@code DELIVERED} or {@code FAILED}
 * @param lastStatus the HTTP status of the last attempt, null if there was no answer (or no attempt)
 */
public record DeliveryView(
        long id,
        String receiver,
        UUID eventId,
        String kind,
        String subject,
        long sequence,
        String payload,
        String state,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant deliveredAt) {}
