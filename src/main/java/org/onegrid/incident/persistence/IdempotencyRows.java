package org.onegrid.incident.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code incident_idempotency} table: which incident an intake with a given {@code Idempotency-Key} created, per
 * caller.
 */
@Repository
public class IdempotencyRows {

    private final JdbcClient jdbc;

    IdempotencyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key as claimed: by which request, for which incident. */
    public record Claim(String request, UUID incidentId) {}

    /**
     * Claims the key for a new incident. A concurrent claim of the same key waits here until the other transaction
     * ends, so of two requests with one key only one creates an incident.
     *
     * @return empty if claimed now, otherwise the earlier claim
     */
    public Optional<Claim> claim(long callerId, String key, String request, UUID incidentId, Instant at) {
        int inserted = jdbc.sql("""
                        INSERT INTO incident_idempotency (caller_id, key, request, incident_id, created_at)
                        VALUES (:caller, :key, :request, :incident, :at)
                        ON CONFLICT (caller_id, key) DO NOTHING
                        """)
                .param("caller", callerId)
                .param("key", key)
                .param("request", request)
                .param("incident", incidentId)
                .param("at", IncidentRows.time(at))
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return find(callerId, key);
    }

    /**
     * Deletes at most {@code limit} keys claimed before {@code before}; rows locked by someone else are left for the
     * next batch. Through the index on {@code created_at}, so each batch is short and locks only what it deletes.
     *
     * @return how many were deleted
     */
    public int deleteClaimedBefore(Instant before, int limit) {
        return jdbc.sql("""
                        DELETE FROM incident_idempotency
                         WHERE (caller_id, key) IN (SELECT caller_id, key FROM incident_idempotency
                                                     WHERE created_at < :before
                                                     LIMIT :limit
                                                     FOR UPDATE SKIP LOCKED)
                        """)
                .param("before", IncidentRows.time(before))
                .param("limit", limit)
                .update();
    }

    public Optional<Claim> find(long callerId, String key) {
        return jdbc.sql(
                        "SELECT request, incident_id FROM incident_idempotency WHERE caller_id = :caller AND key = :key")
                .param("caller", callerId)
                .param("key", key)
                .query(Claim.class)
                .optional();
    }
}
