package org.onegrid.patrol.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.patrol.domain.Visit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code patrol_visit} table. */
@Repository
public class VisitRows {

    private final JdbcClient jdbc;

    VisitRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record VisitRow(
            UUID id,
            long number,
            long householdId,
            String gridCode,
            long visitorId,
            String visitorName,
            String outcome,
            Instant startedAt,
            Instant endedAt,
            LocalDate visitedOn,
            double lng,
            double lat,
            int distanceM,
            boolean far,
            boolean short_,
            int personsVerified,
            String notes,
            UUID incidentId) {}

    /** The visit's number 走访编号. */
    public long insert(Visit v, String visitorName, List<UUID> photoIds) {
        return jdbc.sql("""
                        INSERT INTO patrol_visit (id, household_id, grid_code, region_path, visitor_id, visitor_name,
                            outcome, started_at, ended_at, visited_on, lng, lat, distance_m, far, short,
                            persons_verified, notes, photo_ids)
                        VALUES (:id, :household, :grid, :path, :visitor, :visitorName, :outcome, :started, :ended,
                            :day, :lng, :lat, :distance, :far, :short, :persons, :notes, :photos)
                        RETURNING number
                        """)
                .param("id", v.id())
                .param("household", v.door().householdId())
                .param("grid", v.door().gridCode())
                .param("path", v.door().regionPath())
                .param("visitor", v.visitorId())
                .param("visitorName", visitorName)
                .param("outcome", v.outcome().name())
                .param("started", Timestamp.from(v.startedAt()))
                .param("ended", Timestamp.from(v.endedAt()))
                .param("day", v.day())
                .param("lng", v.at().lng())
                .param("lat", v.at().lat())
                .param("distance", v.distanceMetres())
                .param("far", v.far())
                .param("short", v.tooShort())
                .param("persons", v.personsVerified())
                .param("notes", v.notes())
                .param("photos", photoIds.toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    public void linkIncident(UUID visit, UUID incident) {
        jdbc.sql("UPDATE patrol_visit SET incident_id = :incident WHERE id = :id")
                .param("incident", incident)
                .param("id", visit)
                .update();
    }

    private static final String SELECT = """
            SELECT id, number, household_id, grid_code, visitor_id, visitor_name, outcome, started_at, ended_at,
                   visited_on, lng, lat, distance_m, far, short AS short_, persons_verified, notes, incident_id
              FROM patrol_visit
            """;

    public Optional<VisitRow> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(VisitRows::row)
                .optional();
    }

    /** A household's latest visits, newest first. */
    public List<VisitRow> ofHousehold(long householdId, int limit) {
        return jdbc.sql(SELECT + " WHERE household_id = :id ORDER BY ended_at DESC LIMIT :limit")
                .param("id", householdId)
                .param("limit", limit)
                .query(VisitRows::row)
                .list();
    }

    /** A visitor's visits of a day, newest first. */
    public List<VisitRow> ofVisitor(long visitorId, LocalDate day) {
        return jdbc.sql(SELECT + " WHERE visitor_id = :visitor AND visited_on = :day ORDER BY ended_at DESC")
                .param("visitor", visitorId)
                .param("day", day)
                .query(VisitRows::row)
                .list();
    }

    private static VisitRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new VisitRow(
                rs.getObject("id", UUID.class),
                rs.getLong("number"),
                rs.getLong("household_id"),
                rs.getString("grid_code"),
                rs.getLong("visitor_id"),
                rs.getString("visitor_name"),
                rs.getString("outcome"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("ended_at").toInstant(),
                rs.getObject("visited_on", LocalDate.class),
                rs.getDouble("lng"),
                rs.getDouble("lat"),
                rs.getInt("distance_m"),
                rs.getBoolean("far"),
                rs.getBoolean("short_"),
                rs.getInt("persons_verified"),
                rs.getString("notes"),
                rs.getObject("incident_id", UUID.class));
    }
}
