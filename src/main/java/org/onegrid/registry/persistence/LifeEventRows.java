package org.onegrid.registry.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.onegrid.registry.domain.LifeEventKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Life events, appended and never changed. */
@Repository
public class LifeEventRows {

    private final JdbcClient jdbc;

    LifeEventRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One life event as stored. */
    public record LifeEventRow(
            long id,
            long personId,
            Long householdId,
            LifeEventKind kind,
            LocalDate occurredOn,
            String note,
            long recordedBy,
            Instant recordedAt) {}

    public void append(
            long personId, Long householdId, LifeEventKind kind, LocalDate occurredOn, String note, long recordedBy) {
        jdbc.sql("""
                        INSERT INTO registry_life_event (person_id, household_id, kind, occurred_on, note, recorded_by)
                        VALUES (:person, :household, :kind, :on, :note, :by)
                        """)
                .param("person", personId)
                .param("household", householdId)
                .param("kind", kind.name())
                .param("on", occurredOn)
                .param("note", note)
                .param("by", recordedBy)
                .update();
    }

    public List<LifeEventRow> ofPerson(long personId) {
        return jdbc.sql(SELECT + " WHERE person_id = :id ORDER BY id")
                .param("id", personId)
                .query(this::map)
                .list();
    }

    public List<LifeEventRow> ofHousehold(long householdId) {
        return jdbc.sql(SELECT + " WHERE household_id = :id ORDER BY id")
                .param("id", householdId)
                .query(this::map)
                .list();
    }

    private static final String SELECT =
            "SELECT id, person_id, household_id, kind, occurred_on, note, recorded_by, recorded_at FROM registry_life_event";

    private LifeEventRow map(ResultSet rs, int n) throws SQLException {
        return new LifeEventRow(
                rs.getLong("id"),
                rs.getLong("person_id"),
                rs.getObject("household_id", Long.class),
                LifeEventKind.valueOf(rs.getString("kind")),
                rs.getObject("occurred_on", LocalDate.class),
                rs.getString("note"),
                rs.getLong("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
