package org.onegrid.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.onegrid.incident.domain.Handling;
import org.onegrid.incident.domain.IncidentId;
import org.onegrid.incident.domain.IncidentSnapshot;
import org.onegrid.incident.domain.StageWindow;
import org.onegrid.incident.persistence.IncidentRows;
import org.onegrid.incident.persistence.IncidentStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of incidents for read models kept by other modules (see {@link IncidentFactView}): by id, when an
 * {@link IncidentActionRecorded} says one changed, or page by page, to fill a read model that missed some. Not
 * scoped to a user: the read model's owner applies the data scope when it answers its users.
 *
 * <p>An incident that the caller's transaction has just saved is answered from what was saved, field for field what
 * its row holds, without reading the row back; any other from the database.
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
    private final IncidentStore store;

    IncidentFacts(JdbcClient jdbc, IncidentStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** The facts of these incidents, those that exist, as of the caller's transaction. */
    @Transactional(readOnly = true)
    public List<IncidentFactView> of(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<IncidentFactView> facts = new ArrayList<>(ids.size());
        List<UUID> unsaved = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            store.saved(new IncidentId(id)).ifPresentOrElse(saved -> facts.add(ofSaved(saved)), () -> unsaved.add(id));
        }
        if (!unsaved.isEmpty()) {
            facts.addAll(jdbc.sql(COLUMNS + " WHERE id = ANY(:ids)")
                    .param("ids", unsaved.toArray(UUID[]::new))
                    .query(IncidentFacts::fact)
                    .list());
        }
        return facts;
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

    /** The facts as {@link IncidentRows} writes them into the columns that {@link #fact(ResultSet, int)} reads. */
    static IncidentFactView ofSaved(IncidentStore.Saved saved) {
        IncidentSnapshot s = saved.snapshot();
        IncidentRows.Placement placement = saved.placement();
        StageWindow stage = s.stage();
        Handling handling = s.handling();
        return new IncidentFactView(
                s.id().value(),
                s.version(),
                s.status().name(),
                s.intake().channel().name(),
                s.terms().itemCode(),
                s.terms().itemName(),
                placement.categoryCode(),
                s.intake().gridCode(),
                placement.villageCode(),
                placement.townCode(),
                placement.countyCode(),
                s.intake().regionPath(),
                s.intake().place().longitude(),
                s.intake().place().latitude(),
                asStored(s.reportedAt()),
                stage == null ? null : asStored(stage.deadline()),
                handling == null ? null : handling.lead().orgId(),
                asStored(s.closedAt()),
                s.resolutionLevel() == null ? null : s.resolutionLevel().name(),
                s.satisfaction() == null ? null : s.satisfaction().name(),
                s.tally().overdues());
    }

    /**
     * An instant as a {@code timestamptz} column keeps it: to the microsecond, rounded half up as the JDBC driver
     * sends it. The aggregate's times are whole milliseconds already; this keeps the facts exact should one not be.
     */
    static Instant asStored(Instant instant) {
        if (instant == null) {
            return null;
        }
        int belowMicros = instant.getNano() % 1000;
        if (belowMicros == 0) {
            return instant;
        }
        return instant.minusNanos(belowMicros).plusNanos(belowMicros > 499 ? 1000 : 0);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
