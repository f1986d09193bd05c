package org.onegrid.integration.cascade;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * A message to the upper-level platform (上级平台), published in the transaction of what it reports, so that Spring
 * Modulith's event publication registry (the transactional outbox) holds it until it has left: over HTTP through
 * the delivery outbox, or to Kafka through Modulith's event externalisation.
 *
 * @param eventId stable for this event: the receiver de-duplicates by it (HTTP {@code Idempotency-Key} and {@code
 *     X-Event-Id}; the Kafka record's key and {@code X-Event-Id} header)
 * @param type {@code INCIDENT_REPORTED}, {@code INCIDENT_CLOSED}, {@code INCIDENT_ESCALATED_TO_CITY}, {@code
 *     INCIDENT_OVERDUE} or {@code DAILY_STATISTICS}
 * @param subject the incident, or {@code statistics:<county>}: the events of one subject leave in {@code sequence}
 *     order
 * @param data the event's facts
 */
@Externalized("onegrid.cascade")
public record CascadeEvent(
        UUID eventId, String type, Instant occurredAt, String subject, long sequence, Map<String, Object> data) {

    static final String REPORTED = "INCIDENT_REPORTED";
    static final String CLOSED = "INCIDENT_CLOSED";
    static final String ESCALATED_TO_CITY = "INCIDENT_ESCALATED_TO_CITY";
    static final String OVERDUE = "INCIDENT_OVERDUE";
    static final String DAILY_STATISTICS = "DAILY_STATISTICS";

    public CascadeEvent {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
