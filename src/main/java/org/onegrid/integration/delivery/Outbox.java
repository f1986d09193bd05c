package org.onegrid.integration.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code delivery} table: the integrations' outbox. A delivery is added in the transaction of the change it
 * reports (so it exists exactly when the change does), then the {@link DeliverySender} claims it, sends it and
 * records the outcome, each step in a transaction of its own.
 */
@Component
public class Outbox {

    private static final String COLUMNS = """
            id, receiver, event_id, kind, subject, sequence, payload::text AS payload, state, attempts,
            next_attempt_at, last_status, last_error, created_at, last_attempt_at, delivered_at
            """;

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a delivery, due at once, in the caller's transaction. An event id already queued for the receiver is
     * left as it is (the same event announced twice is delivered once).
     *
     * @param subject what the delivery is about; deliveries of one subject leave in the order of {@code sequence}
     * @param payload the JSON body
     * @return whether it was added
     */
    public boolean add(
            String receiver, UUID eventId, String kind, String subject, long sequence, String payload, Instant now) {
        return jdbc.sql("""
                INSERT INTO delivery (receiver, event_id, kind, subject, sequence, payload, next_attempt_at, created_at)
                VALUES (:receiver, :eventId, :kind, :subject, :sequence, CAST(:payload AS jsonb), :now, :now)
                ON CONFLICT (receiver, event_id) DO NOTHING
                """)
                        .param("receiver", receiver)
                        .param("eventId", eventId)
                        .param("kind", kind)
                        .param("subject", subject)
                        .param("sequence", sequence)
                        .param("payload", payload)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    /**
     * Claims the next due delivery of one of {@code receivers} for {@code lease}: one not delivered, due, not held
     * by another sender, and with no earlier undelivered delivery of the same subject. Counts the attempt.
     */
    Optional<DeliveryView> claim(Collection<String> receivers, Instant now, Duration lease) {
        if (receivers.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                UPDATE delivery d
                   SET lease_until = :leaseUntil, attempts = d.attempts + 1, last_attempt_at = :now
                 WHERE d.id = (
                       SELECT c.id FROM delivery c
                        WHERE c.state <> 'DELIVERED'
                          AND c.receiver IN (:receivers)
                          AND c.next_attempt_at <= :now
                          AND (c.lease_until IS NULL OR c.lease_until < :now)
                          AND NOT EXISTS (
                              SELECT 1 FROM delivery e
                               WHERE e.receiver = c.receiver AND e.subject = c.subject
                                 AND e.state <> 'DELIVERED' AND (e.sequence, e.id) < (c.sequence, c.id))
                        ORDER BY c.next_attempt_at, c.id
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED)
                RETURNING
                """ + COLUMNS)
                .param("receivers", receivers)
                .param("now", Timestamp.from(now))
                .param("leaseUntil", Timestamp.from(now.plus(lease)))
                .query(Outbox::view)
                .optional();
    }

    void delivered(long id, int status, Instant now) {
        jdbc.sql("""
                UPDATE delivery SET state = 'DELIVERED', delivered_at = :now, lease_until = NULL,
                       last_status = :status, last_error = NULL
                 WHERE id = :id
                """)
                .param("id", id)
                .param("status", status)
                .param("now", Timestamp.from(now))
                .update();
    }

    void failed(long id, Integer status, String error, Instant nextAttempt) {
        jdbc.sql("""
                UPDATE delivery SET state = 'FAILED', next_attempt_at = :next, lease_until = NULL,
                       last_status = :status, last_error = :error
                 WHERE id = :id
                """)
                .param("id", id)
                .param("status", status)
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("next", Timestamp.from(nextAttempt))
                .update();
    }

    /** Makes an undelivered delivery due now. @return false if there is none with this id, or it was delivered */
    public boolean retryNow(long id, Instant now) {
        return jdbc.sql("UPDATE delivery SET next_attempt_at = :now WHERE id = :id AND state <> 'DELIVERED'")
                        .param("id", id)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    /** A page of deliveries, newest first, of one state (null: all) and receiver (null: all). */
    public List<DeliveryView> list(String state, String receiver, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + """
                          FROM delivery
                         WHERE (CAST(:state AS text) IS NULL OR state = :state)
                           AND (CAST(:receiver AS text) IS NULL OR receiver = :receiver)
                         ORDER BY id DESC
                         LIMIT :size OFFSET :offset
                        """)
                .param("state", state)
                .param("receiver", receiver)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(Outbox::view)
                .list();
    }

    /** How many deliveries of one state (null: all) and receiver (null: all) there are. */
    public long count(String state, String receiver) {
        return jdbc.sql("""
                SELECT count(*) FROM delivery
                 WHERE (CAST(:state AS text) IS NULL OR state = :state)
                   AND (CAST(:receiver AS text) IS NULL OR receiver = :receiver)
                """)
                .param("state", state)
                .param("receiver", receiver)
                .query(Long.class)
                .single();
    }

    public Optional<DeliveryView> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE id = :id")
                .param("id", id)
                .query(Outbox::view)
                .optional();
    }

    /** The deliveries of one subject, in the order they leave. */
    public List<DeliveryView> ofSubject(String receiver, String subject) {
        return jdbc.sql("SELECT " + COLUMNS + """
                          FROM delivery WHERE receiver = :receiver AND subject = :subject ORDER BY sequence, id
                        """)
                .param("receiver", receiver)
                .param("subject", subject)
                .query(Outbox::view)
                .list();
    }

    /**
     * The latest delivery (by sequence) of every subject of a receiver whose latest delivery failed, newest first:
     * what a reconciliation with the receiver must look at.
     */
    public List<DeliveryView> failedSubjects(String receiver, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                          FROM (SELECT DISTINCT ON (subject) *
                                  FROM delivery WHERE receiver = :receiver
                                 ORDER BY subject, sequence DESC, id DESC) latest
                         WHERE state = 'FAILED'
                         ORDER BY last_attempt_at DESC, id DESC
                         LIMIT :limit
                        """)
                .param("receiver", receiver)
                .param("limit", limit)
                .query(Outbox::view)
                .list();
    }

    private static DeliveryView view(ResultSet rs, int row) throws SQLException {
        return new DeliveryView(
                rs.getLong("id"),
                rs.getString("receiver"),
                rs.getObject("event_id", UUID.class),
                rs.getString("kind"),
                rs.getString("subject"),
                rs.getLong("sequence"),
                rs.getString("payload"),
                rs.getString("state"),
                rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")),
                rs.getObject("last_status", Integer.class),
                rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_attempt_at")),
                instant(rs.getTimestamp("delivered_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
