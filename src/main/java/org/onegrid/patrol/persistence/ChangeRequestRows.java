package org.onegrid.patrol.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.patrol.domain.ChangeKind;
import org.onegrid.patrol.domain.ChangeRequest;
import org.onegrid.patrol.domain.ChangeStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code patrol_change_request} table. */
@Repository
public class ChangeRequestRows {

    private final JdbcClient jdbc;

    ChangeRequestRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ChangeRow(
            long id,
            UUID visitId,
            long visitNumber,
            long householdId,
            String gridCode,
            String regionPath,
            ChangeRequest request,
            String visitorName,
            Instant createdAt,
            String reason) {}

    public long insert(UUID visit, long householdId, String gridCode, String regionPath, ChangeRequest r) {
        return jdbc.sql("""
                        INSERT INTO patrol_change_request (visit_id, household_id, grid_code, region_path, kind,
                                                           person_id, description)
                        VALUES (:visit, :household, :grid, :path, :kind, :person, :description)
                        RETURNING id
                        """)
                .param("visit", visit)
                .param("household", householdId)
                .param("grid", gridCode)
                .param("path", regionPath)
                .param("kind", r.kind().name())
                .param("person", r.personId())
                .param("description", r.description())
                .query(Long.class)
                .single();
    }

    private static final String SELECT = """
            SELECT c.id, c.visit_id, v.number, c.household_id, c.grid_code, c.region_path, c.kind, c.person_id,
                   c.description, c.status, c.version, v.visitor_name, c.created_at, c.reason
              FROM patrol_change_request c JOIN patrol_visit v ON v.id = c.visit_id
            """;

    public Optional<ChangeRow> find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id")
                .param("id", id)
                .query(ChangeRequestRows::row)
                .optional();
    }

    /** The requests of a region subtree, pending first, newest first. */
    public List<ChangeRow> inRegion(String regionPath, boolean pendingOnly, int limit) {
        return jdbc.sql(SELECT + """
                         WHERE c.region_path LIKE :path || '%' AND (NOT :pendingOnly OR c.status = 'PENDING')
                         ORDER BY (c.status = 'PENDING') DESC, c.id DESC LIMIT :limit
                        """)
                .param("path", regionPath)
                .param("pendingOnly", pendingOnly)
                .param("limit", limit)
                .query(ChangeRequestRows::row)
                .list();
    }

    /** Saves a decision; false when someone decided it first (the version moved on). */
    public boolean decide(long id, int version, ChangeStatus status, long by, Instant at, String reason) {
        return jdbc.sql("""
                                UPDATE patrol_change_request
                                   SET status = :status, decided_by = :by, decided_at = :at, reason = :reason,
                                       version = version + 1
                                 WHERE id = :id AND version = :version AND status = 'PENDING'
                                """)
                        .param("status", status.name())
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .param("reason", reason)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    private static ChangeRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        return new ChangeRow(
                rs.getLong("id"),
                rs.getObject("visit_id", UUID.class),
                rs.getLong("number"),
                rs.getLong("household_id"),
                rs.getString("grid_code"),
                rs.getString("region_path"),
                new ChangeRequest(
                        rs.getLong("id"),
                        rs.getLong("household_id"),
                        ChangeKind.valueOf(rs.getString("kind")),
                        personId,
                        rs.getString("description"),
                        ChangeStatus.valueOf(rs.getString("status")),
                        rs.getInt("version")),
                rs.getString("visitor_name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("reason"));
    }
}
