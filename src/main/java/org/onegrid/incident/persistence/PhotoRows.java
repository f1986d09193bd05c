package org.onegrid.incident.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.incident.domain.IncidentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code incident_photo} table: photos kept in the database itself, so a backup holds them too. */
@Repository
public class PhotoRows {

    private final JdbcClient jdbc;

    PhotoRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A photo without its bytes. */
    public record PhotoRow(UUID id, UUID incidentId, long uploadedBy, String contentType, int size, String sha256) {}

    public void insert(UUID id, long uploadedBy, String contentType, byte[] data, String sha256, Instant at) {
        jdbc.sql("""
                        INSERT INTO incident_photo (id, uploaded_by, content_type, size, sha256, data, uploaded_at)
                        VALUES (:id, :by, :type, :size, :sha, :data, :at)
                        """)
                .param("id", id)
                .param("by", uploadedBy)
                .param("type", contentType)
                .param("size", data.length)
                .param("sha", sha256)
                .param("data", data)
                .param("at", IncidentRows.time(at))
                .update();
    }

    public List<PhotoRow> find(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, incident_id, uploaded_by, content_type, size, sha256
                          FROM incident_photo WHERE id = ANY(:ids)
                        """)
                .param("ids", ids.toArray(UUID[]::new))
                .query(PhotoRow.class)
                .list();
    }

    /** The photos attached to an incident, in upload order. */
    public List<PhotoRow> ofIncident(IncidentId incident) {
        return jdbc.sql("""
                        SELECT id, incident_id, uploaded_by, content_type, size, sha256
                          FROM incident_photo WHERE incident_id = :incident ORDER BY uploaded_at, id
                        """)
                .param("incident", incident.value())
                .query(PhotoRow.class)
                .list();
    }

    /** Attaches photos to an incident; only photos not attached elsewhere are touched. */
    public int attach(List<UUID> ids, IncidentId incident) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE incident_photo SET incident_id = :incident
                         WHERE id = ANY(:ids) AND (incident_id IS NULL OR incident_id = :incident)
                        """)
                .param("incident", incident.value())
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    public record PhotoData(PhotoRow row, byte[] data) {}

    public Optional<PhotoData> data(UUID id) {
        return jdbc.sql("""
                        SELECT id, incident_id, uploaded_by, content_type, size, sha256, data
                          FROM incident_photo WHERE id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new PhotoData(
                        new PhotoRow(
                                rs.getObject("id", UUID.class),
                                rs.getObject("incident_id", UUID.class),
                                rs.getLong("uploaded_by"),
                                rs.getString("content_type"),
                                rs.getInt("size"),
                                rs.getString("sha256")),
                        rs.getBytes("data")))
                .optional();
    }
}
