package org.onegrid.dispute.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read side of disputes: lists by scope, and the sessions of a day. Plain SQL over the case rows. */
@Repository
public class DisputeLists {

    private final JdbcClient jdbc;

    DisputeLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One line of a list, lights computed in SQL like the incidents' ones. */
    public record Line(
            UUID id,
            String number,
            String status,
            String typeName,
            String risk,
            boolean major,
            String bodyName,
            String bodyLevel,
            String mediatorName,
            String light,
            Instant deadline,
            Instant receivedAt,
            String parties) {}

    private static final String SELECT = """
            SELECT d.id, d.number, d.status, d.type_name, d.risk, d.major, d.body_name, d.body_level, d.mediator_name,
                   CASE WHEN d.deadline IS NULL OR d.status NOT IN ('RECEIVED', 'ACCEPTED', 'MEDIATING') THEN NULL
                        WHEN now() > d.deadline THEN 'RED' WHEN now() >= d.yellow_at THEN 'YELLOW' ELSE 'GREEN' END AS light,
                   d.deadline, d.received_at,
                   (SELECT string_agg(p.masked_name, '、' ORDER BY p.position) FROM dispute_party p WHERE p.dispute_id = d.id)
                       AS parties
            FROM dispute d
            """;

    /**
     * The cases in a region subtree (or owned by an organisation), filtered.
     *
     * @param mediatorId only this mediator's cases, or null
     * @param bodyOrgId only this body's cases, or null
     * @param statuses only these statuses, or all when empty
     */
    public List<Line> list(
            String scopePath, Long orgId, Long mediatorId, Long bodyOrgId, List<String> statuses, int page, int size) {
        String where = " WHERE (d.region_path LIKE :scope || '%' OR d.body_org_id = :org)"
                + (mediatorId == null ? "" : " AND d.mediator_id = :mediator")
                + (bodyOrgId == null ? "" : " AND d.body_org_id = :body")
                + (statuses.isEmpty() ? "" : " AND d.status IN (:statuses)");
        JdbcClient.StatementSpec q = jdbc.sql(SELECT + where
                        + " ORDER BY (d.status IN ('RECEIVED', 'ACCEPTED', 'MEDIATING')) DESC, d.deadline NULLS LAST, d.received_at DESC"
                        + " LIMIT :size OFFSET :offset")
                .param("scope", scopePath)
                .param("org", orgId == null ? -1L : orgId)
                .param("size", size)
                .param("offset", page * size);
        if (mediatorId != null) {
            q = q.param("mediator", mediatorId);
        }
        if (bodyOrgId != null) {
            q = q.param("body", bodyOrgId);
        }
        if (!statuses.isEmpty()) {
            q = q.param("statuses", statuses);
        }
        return q.query((rs, n) -> new Line(
                        rs.getObject("id", UUID.class),
                        rs.getString("number"),
                        rs.getString("status"),
                        rs.getString("type_name"),
                        rs.getString("risk"),
                        rs.getBoolean("major"),
                        rs.getString("body_name"),
                        rs.getString("body_level"),
                        rs.getString("mediator_name"),
                        rs.getString("light"),
                        instant(rs.getTimestamp("deadline")),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getString("parties")))
                .list();
    }

    /** The cases of a registry person or organisation, in a region subtree, newest first. */
    public List<Line> ofParty(Long personId, Long organisationId, String scopePath) {
        return jdbc.sql(SELECT
                        + " WHERE d.region_path LIKE :scope || '%' AND EXISTS (SELECT 1 FROM dispute_party p"
                        + " WHERE p.dispute_id = d.id AND (p.person_id = :person OR p.organisation_id = :org))"
                        + " ORDER BY d.received_at DESC LIMIT 50")
                .param("scope", scopePath)
                .param("person", personId == null ? -1L : personId)
                .param("org", organisationId == null ? -1L : organisationId)
                .query((rs, n) -> new Line(
                        rs.getObject("id", UUID.class),
                        rs.getString("number"),
                        rs.getString("status"),
                        rs.getString("type_name"),
                        rs.getString("risk"),
                        rs.getBoolean("major"),
                        rs.getString("body_name"),
                        rs.getString("body_level"),
                        rs.getString("mediator_name"),
                        rs.getString("light"),
                        instant(rs.getTimestamp("deadline")),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getString("parties")))
                .list();
    }

    /** A session of a day, with its case. */
    public record SessionLine(
            UUID disputeId, String number, String typeName, int session, Instant heldAt, String place) {}

    /** The sessions a mediator held between two instants, latest first. */
    public List<SessionLine> sessionsOf(long mediatorId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT s.dispute_id, d.number, d.type_name, s.number AS session, s.held_at, s.place
                        FROM dispute_session s JOIN dispute d ON d.id = s.dispute_id
                        WHERE s.mediator_id = :mediator AND s.held_at >= :from AND s.held_at < :to
                        ORDER BY s.held_at DESC
                        """)
                .param("mediator", mediatorId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new SessionLine(
                        rs.getObject("dispute_id", UUID.class),
                        rs.getString("number"),
                        rs.getString("type_name"),
                        rs.getInt("session"),
                        rs.getTimestamp("held_at").toInstant(),
                        rs.getString("place")))
                .list();
    }

    /** The open cases whose time limit passed and that are not yet marked, oldest deadline first. */
    public List<UUID> overdue(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM dispute
                        WHERE status IN ('RECEIVED', 'ACCEPTED', 'MEDIATING') AND NOT overdue_marked AND deadline < :now
                        ORDER BY deadline LIMIT :limit
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** 化解 figures of one group: concluded cases, solved ones (agreement reached), and what followed. */
    public record Figures(
            String key,
            long concluded,
            long solved,
            long solvedGrassroots,
            long performedRecorded,
            long performedFully,
            long confirmed,
            double averageDays) {}

    private static final java.util.Map<String, String> GROUPS = java.util.Map.of(
            "total",
            "'total'",
            "level",
            "concluded_level",
            "type",
            "type_name",
            "body",
            "body_name",
            "month",
            "to_char(concluded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')");

    /** The figures of the cases concluded in a region subtree between two instants, grouped by {@code by}. */
    public List<Figures> figures(String scopePath, Instant from, Instant to, String by) {
        String key = GROUPS.get(by);
        return jdbc.sql("SELECT " + key + " AS key, count(*) AS concluded,"
                        + " count(*) FILTER (WHERE agreement_sha256 IS NOT NULL) AS solved,"
                        + " count(*) FILTER (WHERE agreement_sha256 IS NOT NULL AND concluded_level IN ('VILLAGE', 'TOWN')) AS grassroots,"
                        + " count(*) FILTER (WHERE performance IS NOT NULL) AS performed,"
                        + " count(*) FILTER (WHERE performance = 'FULL') AS fully,"
                        + " count(*) FILTER (WHERE ruling_number IS NOT NULL) AS confirmed,"
                        + " coalesce(avg(EXTRACT(EPOCH FROM concluded_at - received_at)) / 86400, 0) AS days"
                        + " FROM dispute WHERE region_path LIKE :scope || '%' AND concluded_level IS NOT NULL"
                        + " AND concluded_at >= :from AND concluded_at < :to GROUP BY 1 ORDER BY 2 DESC")
                .param("scope", scopePath)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Figures(
                        rs.getString("key"),
                        rs.getLong("concluded"),
                        rs.getLong("solved"),
                        rs.getLong("grassroots"),
                        rs.getLong("performed"),
                        rs.getLong("fully"),
                        rs.getLong("confirmed"),
                        rs.getDouble("days")))
                .list();
    }

    /** Open major cases (high risk, group, 民转刑) in a region subtree. */
    public long openMajor(String scopePath) {
        return jdbc.sql("SELECT count(*) FROM dispute WHERE region_path LIKE :scope || '%' AND major"
                        + " AND status IN ('RECEIVED', 'ACCEPTED', 'MEDIATING')")
                .param("scope", scopePath)
                .query(Long.class)
                .single();
    }

    /** A grid with how many disputes arose in it. */
    public record Hotspot(String gridCode, String regionCode, long disputes) {}

    /** The grids (or, for cases without a grid, villages) with the most disputes received between two instants. */
    public List<Hotspot> hotspots(String scopePath, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        SELECT grid_code, region_code, count(*) AS n FROM dispute
                        WHERE region_path LIKE :scope || '%' AND received_at >= :from AND received_at < :to
                        GROUP BY grid_code, region_code ORDER BY n DESC LIMIT :limit
                        """)
                .param("scope", scopePath)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query((rs, n) -> new Hotspot(rs.getString("grid_code"), rs.getString("region_code"), rs.getLong("n")))
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
