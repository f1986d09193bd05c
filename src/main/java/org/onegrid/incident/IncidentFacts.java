package org.onegrid.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of incidents for read models kept by other modules (see {@link IncidentFactView}): by id, when an
 * {@link IncidentActionRecorded} says one changed, or page by page, to fill a read model that missed some. Not
 * scoped to a user: the read model's owner applies the data scope when it answers its users.
 */
@Service
public class IncidentFacts {

    private static final String COLUMNS = """
            SELECT id, version, status, channel, item_code, item_name, category_code, grid_code, village_code,
                   town_code, county_code, region_path, longitude, latitude, reported_at, stage_deadline,
                   lead_org_id, closed_at, resolution_level, satisfaction, overdues
              FROM incident
            """;

    private final JdbcClient jdbc;

    IncidentFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts of these incidents, those that exist, as of the caller's transaction. */
    @Transactional(readOnly = true)
    public List<IncidentFactView> of(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(IncidentFacts::fact)
                .list();
    }

    /** How many incidents there are, for a read model to see at a glance whether it lacks some. */
    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();
    }

    /** Up to {@code limit} incidents in the order of their ids, after {@code after} (null: from the first). */
    @Transactional(readOnly = true)
    public List<IncidentFactView> after(UUID after, int limit) {
        return jdbc.sql(COLUMNS + " WHERE (CAST(:after AS uuid) IS NULL OR id > :after) ORDER BY id LIMIT :limit")
                .param("after", after)
                .param("limit", limit)
                .query(IncidentFacts::fact)
                .list();
    }

    private static IncidentFactView fact(ResultSet rs, int row) throws SQLException {
        return new IncidentFactView(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                rs.getString("status"),
                rs.getString("channel"),
                rs.getString("item_code"),
                rs.getString("item_name"),
                rs.getString("category_code"),
                rs.getString("grid_code"),
                rs.getString("village_code"),
                rs.getString("town_code"),
                rs.getString("county_code"),
                rs.getString("region_path"),
                rs.getObject("longitude", Double.class),
                rs.getObject("latitude", Double.class),
                instant(rs.getTimestamp("reported_at")),
                instant(rs.getTimestamp("stage_deadline")),
                rs.getObject("lead_org_id", Long.class),
                instant(rs.getTimestamp("closed_at")),
                rs.getString("resolution_level"),
                rs.getString("satisfaction"),
                rs.getInt("overdues"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
