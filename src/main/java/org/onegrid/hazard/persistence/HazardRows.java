package org.onegrid.hazard.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.onegrid.hazard.domain.Grade;
import org.onegrid.hazard.domain.Hazard;
import org.onegrid.hazard.domain.HazardStatus;
import org.onegrid.hazard.domain.Source;
import org.onegrid.hazard.domain.Unit;
import org.onegrid.shared.geo.Position;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hazards in plain SQL: the aggregate's row, the ledger's filtered pages and stream, the figures. */
@Repository
public class HazardRows {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final NamedParameterJdbcTemplate streaming;

    HazardRows(JdbcClient jdbc, NamedParameterJdbcTemplate named, DataSource dataSource) {
        this.jdbc = jdbc;
        this.named = named;
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a fetch size inside a transaction instead of loading the whole result
        fetching.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
    }

    /** A hazard with what the ledger shows beside the aggregate. */
    public record HazardRow(
            Hazard hazard,
            long number,
            UUID taskId,
            String foundByName,
            Boolean rectifiedOnTime,
            Instant yellowAt,
            boolean everOverdue) {}

    /** Inserts a new hazard; its number 隐患编号. */
    public long insert(Hazard h, UUID taskId, String foundByName) {
        return jdbc.sql("""
                        INSERT INTO hazard (id, source, source_ref, task_id, item_code, item_text, description, grade,
                            grade_reason, grid_code, region_path, lng, lat, place_name, found_at, found_by_org_id,
                            found_by_name, unit_kind, unit_id, unit_name, status, version)
                        VALUES (:id, :source, :sourceRef, :task, :itemCode, :itemText, :description, :grade, :gradeReason,
                            :grid, :path, :lng, :lat, :placeName, :foundAt, :foundBy, :foundByName, :unitKind, :unitId,
                            :unitName, :status, :version)
                        RETURNING number
                        """)
                .param("id", h.id())
                .param("source", h.source().name())
                .param("sourceRef", h.sourceRef())
                .param("task", taskId)
                .param("itemCode", h.itemCode())
                .param("itemText", h.itemText())
                .param("description", h.description())
                .param("grade", h.grade().name())
                .param("gradeReason", h.gradeReason())
                .param("grid", h.gridCode())
                .param("path", h.regionPath())
                .param("lng", h.place() == null ? null : h.place().lng())
                .param("lat", h.place() == null ? null : h.place().lat())
                .param("placeName", h.placeName())
                .param("foundAt", Timestamp.from(h.foundAt()))
                .param("foundBy", h.foundByOrgId())
                .param("foundByName", foundByName)
                .param("unitKind", h.unit() == null ? null : h.unit().kind().name())
                .param("unitId", h.unit() == null ? null : h.unit().id())
                .param("unitName", h.unit() == null ? null : h.unit().name())
                .param("status", h.status().name())
                .param("version", h.version())
                .query(Long.class)
                .single();
    }

    public Optional<HazardRow> find(UUID id) {
        return jdbc.sql("SELECT * FROM hazard WHERE id = :id")
                .param("id", id)
                .query(HazardRows::row)
                .optional();
    }

    public Optional<HazardRow> findByNumber(long number) {
        return jdbc.sql("SELECT * FROM hazard WHERE number = :n")
                .param("n", number)
                .query(HazardRows::row)
                .optional();
    }

    /**
     * Writes the hazard's changed state if nobody changed it since {@code expectedVersion}; false otherwise.
     *
     * @param yellowAt when the current deadline's light turns yellow
     */
    public boolean update(Hazard h, int expectedVersion, Instant yellowAt) {
        Instant deadline = h.deadline();
        return jdbc.sql("""
                        UPDATE hazard SET grade = :grade, grade_reason = :gradeReason, unit_kind = :unitKind,
                            unit_id = :unitId, unit_name = :unitName, status = :status, issuer_org_id = :issuer,
                            issuer_name = :issuerName, issuer_path = :issuerPath, requirements = :requirements,
                            deadline_day = :deadlineDay, deadline = :deadline, yellow_at = :yellowAt,
                            noticed_at = :noticedAt, measures = CAST(:measures AS jsonb),
                            rectified_by_org_id = :rectifiedBy, rectified_at = :rectifiedAt,
                            rectified_on_time = CASE WHEN CAST(:rectifiedAt AS timestamptz) IS NULL THEN NULL
                                ELSE CAST(:rectifiedAt AS timestamptz) <= CAST(:deadline AS timestamptz)
                                     AND NOT (ever_overdue OR :overdue) END,
                            returns = :returns, supervision_level = :level, supervisor_org_id = :supervisor,
                            supervisor_name = :supervisorName, supervisor_path = :supervisorPath,
                            overdue_marked = :overdue, ever_overdue = ever_overdue OR :overdue, closed_at = :closedAt,
                            version = :version
                        WHERE id = :id AND version = :expected
                        """)
                        .param("id", h.id())
                        .param("expected", expectedVersion)
                        .param("grade", h.grade().name())
                        .param("gradeReason", h.gradeReason())
                        .param(
                                "unitKind",
                                h.unit() == null ? null : h.unit().kind().name())
                        .param("unitId", h.unit() == null ? null : h.unit().id())
                        .param("unitName", h.unit() == null ? null : h.unit().name())
                        .param("status", h.status().name())
                        .param("issuer", h.issuerOrgId())
                        .param("issuerName", h.issuerName())
                        .param("issuerPath", h.issuerPath())
                        .param("requirements", h.requirements())
                        .param("deadlineDay", h.deadlineDay())
                        .param("deadline", ts(deadline))
                        .param("yellowAt", ts(yellowAt))
                        .param("noticedAt", ts(h.noticedAt()))
                        .param("measures", Json.measures(h.measures()))
                        .param("rectifiedBy", h.rectifiedByOrgId())
                        .param("rectifiedAt", ts(h.rectifiedAt()))
                        .param("returns", h.returns())
                        .param("level", h.supervisionLevel())
                        .param("supervisor", h.supervisorOrgId())
                        .param("supervisorName", h.supervisorName())
                        .param("supervisorPath", h.supervisorPath())
                        .param("overdue", h.overdueMarked())
                        .param("closedAt", ts(h.closedAt()))
                        .param("version", h.version())
                        .update()
                == 1;
    }

    /** The ids of notified hazards past their deadline and not yet marked: the overdue scan's work. */
    public List<UUID> overdueUnmarked(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM hazard WHERE status = 'RECTIFYING' AND deadline < :now AND NOT overdue_marked
                        ORDER BY deadline LIMIT :limit
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * A ledger's filter: the subtree, a span of finding days, and optionally state, grade, unit, overdue only, text in
     * the description or place.
     */
    public record Filter(
            String regionPath,
            LocalDate from,
            LocalDate to,
            HazardStatus status,
            Grade grade,
            Long unitId,
            boolean overdueOnly,
            boolean supervisedOnly) {}

    private String where(Filter f, MapSqlParameterSource p, Instant now) {
        StringBuilder w = new StringBuilder(" WHERE region_path LIKE :path || '%'");
        p.addValue("path", f.regionPath());
        if (f.from() != null) {
            w.append(" AND found_at >= :from");
            p.addValue(
                    "from",
                    Timestamp.from(f.from()
                            .atStartOfDay(org.onegrid.shared.config.CityTime.ZONE)
                            .toInstant()));
        }
        if (f.to() != null) {
            w.append(" AND found_at < :to");
            p.addValue(
                    "to",
                    Timestamp.from(f.to().plusDays(1)
                            .atStartOfDay(org.onegrid.shared.config.CityTime.ZONE)
                            .toInstant()));
        }
        if (f.status() != null) {
            w.append(" AND status = :status");
            p.addValue("status", f.status().name());
        }
        if (f.grade() != null) {
            w.append(" AND grade = :grade");
            p.addValue("grade", f.grade().name());
        }
        if (f.unitId() != null) {
            w.append(" AND unit_id = :unit");
            p.addValue("unit", f.unitId());
        }
        if (f.overdueOnly()) {
            w.append(" AND status = 'RECTIFYING' AND deadline < :now");
            p.addValue("now", Timestamp.from(now));
        }
        if (f.supervisedOnly()) {
            w.append(" AND supervision_level > 0 AND status <> 'CLOSED'");
        }
        return w.toString();
    }

    /** A page of the ledger, newest finding first. */
    public List<HazardRow> page(Filter f, Instant now, int offset, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String sql = "SELECT * FROM hazard" + where(f, p, now)
                + " ORDER BY found_at DESC, number DESC OFFSET :offset LIMIT :limit";
        p.addValue("offset", offset).addValue("limit", limit);
        return named.query(sql, p, HazardRows::row);
    }

    /**
     * How many rows the filter finds, counted up to {@code cap} (a page shows "10,000 条以上" past it): counting a whole
     * city's 354,000 hazards for every page would cost more than the page.
     */
    public long count(Filter f, Instant now, long cap) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        p.addValue("cap", cap);
        Long n = named.queryForObject(
                "SELECT count(*) FROM (SELECT 1 FROM hazard" + where(f, p, now) + " LIMIT :cap) c", p, Long.class);
        return n == null ? 0 : n;
    }

    /** Every row of the ledger, streamed from the database (for the export: bounded memory whatever the size). */
    public void stream(Filter f, Instant now, Consumer<HazardRow> each) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String sql = "SELECT * FROM hazard" + where(f, p, now) + " ORDER BY found_at DESC, number DESC";
        streaming.query(sql, p, (RowCallbackHandler) rs -> each.accept(row(rs, 0)));
    }

    /** Figures of a subtree's hazards found in a span. */
    public record HazardCounts(
            long found,
            long major,
            long notified,
            long rectified,
            long rectifiedOnTime,
            long closed,
            long overdueOpen,
            long majorSupervised) {}

    public HazardCounts counts(Filter f, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String w = where(f, p, now);
        p.addValue("now", Timestamp.from(now));
        return named.queryForObject(
                """
                SELECT count(*) AS found,
                       count(*) FILTER (WHERE grade = 'MAJOR') AS major,
                       count(*) FILTER (WHERE status <> 'FOUND') AS notified,
                       count(*) FILTER (WHERE rectified_at IS NOT NULL OR status IN ('ACCEPTED', 'CLOSED')) AS rectified,
                       count(*) FILTER (WHERE rectified_on_time) AS on_time,
                       count(*) FILTER (WHERE status = 'CLOSED') AS closed,
                       count(*) FILTER (WHERE status = 'RECTIFYING' AND deadline < :now) AS overdue_open,
                       count(*) FILTER (WHERE grade = 'MAJOR' AND supervision_level > 0 AND status <> 'CLOSED') AS supervised
                  FROM hazard
                """ + w,
                p,
                (rs, n) -> new HazardCounts(
                        rs.getLong("found"),
                        rs.getLong("major"),
                        rs.getLong("notified"),
                        rs.getLong("rectified"),
                        rs.getLong("on_time"),
                        rs.getLong("closed"),
                        rs.getLong("overdue_open"),
                        rs.getLong("supervised")));
    }

    /** Counts by the next path segment below {@code regionPath} (the drill-down one level down). */
    public record PartCounts(String childPath, long found, long closed, long open, long overdueOpen, long major) {}

    public List<PartCounts> byChild(Filter f, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String w = where(f, p, now);
        p.addValue("now", Timestamp.from(now));
        p.addValue("depth", f.regionPath().length());
        return named.query(
                """
                SELECT substring(region_path FROM 1 FOR :depth + position('/' IN substring(region_path FROM :depth + 1))) AS child,
                       count(*) AS found,
                       count(*) FILTER (WHERE status = 'CLOSED') AS closed,
                       count(*) FILTER (WHERE status <> 'CLOSED') AS open,
                       count(*) FILTER (WHERE status = 'RECTIFYING' AND deadline < :now) AS overdue_open,
                       count(*) FILTER (WHERE grade = 'MAJOR') AS major
                  FROM hazard
                """ + w + " GROUP BY 1 ORDER BY 1",
                p,
                (rs, n) -> new PartCounts(
                        rs.getString("child"),
                        rs.getLong("found"),
                        rs.getLong("closed"),
                        rs.getLong("open"),
                        rs.getLong("overdue_open"),
                        rs.getLong("major")));
    }

    /** Open hazards of a subtree with a place, for the map: at most {@code limit}, 重大 first. */
    public record MapPoint(
            UUID id,
            long number,
            double lng,
            double lat,
            String grade,
            String status,
            String placeName,
            boolean overdue) {}

    public List<MapPoint> openPoints(String regionPath, Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id, number, lng, lat, grade, status, place_name,
                               (status = 'RECTIFYING' AND deadline < :now) AS overdue
                          FROM hazard
                         WHERE region_path LIKE :path || '%' AND status <> 'CLOSED' AND lng IS NOT NULL
                         ORDER BY grade DESC, found_at DESC LIMIT :limit
                        """)
                .param("path", regionPath)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> new MapPoint(
                        rs.getObject("id", UUID.class),
                        rs.getLong("number"),
                        rs.getDouble("lng"),
                        rs.getDouble("lat"),
                        rs.getString("grade"),
                        rs.getString("status"),
                        rs.getString("place_name"),
                        rs.getBoolean("overdue")))
                .list();
    }

    static HazardRow row(ResultSet rs, int n) throws SQLException {
        double lng = rs.getDouble("lng");
        Position place = rs.wasNull() ? null : new Position(lng, rs.getDouble("lat"));
        String unitKind = rs.getString("unit_kind");
        Unit unit = unitKind == null
                ? null
                : new Unit(Unit.Kind.valueOf(unitKind), rs.getLong("unit_id"), rs.getString("unit_name"));
        Hazard h = new Hazard(
                rs.getObject("id", UUID.class),
                Source.valueOf(rs.getString("source")),
                rs.getString("source_ref"),
                rs.getString("item_code"),
                rs.getString("item_text"),
                rs.getString("description"),
                rs.getString("grid_code"),
                rs.getString("region_path"),
                place,
                rs.getString("place_name"),
                rs.getTimestamp("found_at").toInstant(),
                rs.getLong("found_by_org_id"),
                Grade.valueOf(rs.getString("grade")),
                rs.getString("grade_reason"),
                unit,
                HazardStatus.valueOf(rs.getString("status")),
                nullableLong(rs, "issuer_org_id"),
                rs.getString("issuer_name"),
                rs.getString("issuer_path"),
                rs.getString("requirements"),
                rs.getObject("deadline_day", LocalDate.class),
                instant(rs, "noticed_at"),
                Json.measures(rs.getString("measures")),
                nullableLong(rs, "rectified_by_org_id"),
                instant(rs, "rectified_at"),
                rs.getInt("returns"),
                rs.getInt("supervision_level"),
                nullableLong(rs, "supervisor_org_id"),
                rs.getString("supervisor_name"),
                rs.getString("supervisor_path"),
                rs.getBoolean("overdue_marked"),
                instant(rs, "closed_at"),
                rs.getInt("version"));
        boolean onTime = rs.getBoolean("rectified_on_time");
        Boolean rectifiedOnTime = rs.wasNull() ? null : onTime;
        return new HazardRow(
                h,
                rs.getLong("number"),
                rs.getObject("task_id", UUID.class),
                rs.getString("found_by_name"),
                rectifiedOnTime,
                instant(rs, "yellow_at"),
                rs.getBoolean("ever_overdue"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
