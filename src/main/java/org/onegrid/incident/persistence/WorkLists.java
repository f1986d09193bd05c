package org.onegrid.incident.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onegrid.incident.IncidentSummaryView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The work lists of the people who act on incidents rather than dispatch them: a department's inbox (部门待办) and a
 * grid worker's lists (我的上报, 待核查, 可就地解决). Plain SQL on the incident table; the department lists go through
 * the GIN index on {@code department_ids}, the grid lists through the grid index.
 */
@Repository
public class WorkLists {

    private static final String COLUMNS = """
            SELECT id, number, status, channel, item_code, item_name, category_code, left(text, 120) AS excerpt,
                   address, grid_code, village_code, region_path, owner_org_id, owner_level, handling_mode,
                   lead_org_id, stage, stage_deadline, stage_yellow_at, reported_at, closed_at,
                   resolution_level, version, type_unconfirmed
              FROM incident
            """;

    private static final String LEAD = " department_ids @> ARRAY[CAST(:org AS bigint)] AND lead_org_id = :org";
    private static final String ACTIVE = " status IN ('DISPATCHED', 'IN_PROGRESS')";

    /** The tabs of a department's inbox. */
    public enum InboxTab {
        /** 待签收: dispatched to us as lead, not yet signed. */
        TO_SIGN(LEAD + " AND status = 'DISPATCHED'"),
        /** 处置中. */
        IN_PROGRESS(LEAD + " AND status = 'IN_PROGRESS'"),
        /** 即将到期: the light is yellow. */
        DUE_SOON(LEAD + " AND" + ACTIVE + " AND stage_yellow_at <= :now AND stage_deadline >= :now"),
        /** 已超期: the light is red. */
        OVERDUE(LEAD + " AND" + ACTIVE + " AND stage_deadline < :now"),
        /** 协办任务: joint tasks (吹哨报到) where we assist. */
        ASSISTING(" department_ids @> ARRAY[CAST(:org AS bigint)] AND lead_org_id <> :org AND" + ACTIVE);

        private final String where;

        InboxTab(String where) {
            this.where = where;
        }
    }

    /** The lists of a grid worker's phone pages. */
    public enum GridTab {
        /** 我的上报: what this user reported (the first history entry is theirs). */
        MINE(" id IN (SELECT incident_id FROM incident_history WHERE actor_id = :me AND sequence = 1)"),
        /**
         * 待核查: handled in one of the user's grids, where they may verify: the supervisor of a dual dispatch, or any
         * worker of the grid otherwise.
         */
        TO_VERIFY(" status = 'HANDLED' AND grid_code = ANY(CAST(:grids AS text[]))"
                + " AND (handling_mode IS DISTINCT FROM 'DUAL'"
                + " OR CAST(handling ->> 'supervisorUserId' AS bigint) = :me)"),
        /** 就地解决: open, not yet dispatched, small (grid or village level, no emergency) incidents in the user's grids. */
        RESOLVABLE(" status IN ('REPORTED', 'ACCEPTED') AND grid_code = ANY(CAST(:grids AS text[]))"
                + " AND normal_level IN ('GRID', 'VILLAGE') AND NOT CAST(terms ->> 'emergency' AS boolean)");

        private final String where;

        GridTab(String where) {
            this.where = where;
        }
    }

    private final JdbcClient jdbc;

    WorkLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<InboxTab, Long> inboxCounts(long orgId, Instant now) {
        Map<InboxTab, Long> counts = new java.util.EnumMap<>(InboxTab.class);
        for (InboxTab tab : InboxTab.values()) {
            counts.put(
                    tab,
                    jdbc.sql("SELECT count(*) FROM incident WHERE" + tab.where)
                            .param("org", orgId)
                            .param("now", IncidentRows.time(now))
                            .query(Long.class)
                            .single());
        }
        return counts;
    }

    public List<IncidentSummaryView> inbox(InboxTab tab, long orgId, Instant now, int limit) {
        // the most urgent first
        return jdbc.sql(COLUMNS + " WHERE" + tab.where + " ORDER BY stage_deadline ASC NULLS LAST, id LIMIT :limit")
                .param("org", orgId)
                .param("now", IncidentRows.time(now))
                .param("limit", limit)
                .query((rs, n) -> IncidentSearch.summary(rs, now))
                .list();
    }

    /** A department's incidents (lead or assisting) whose number, description, address or item has {@code text}. */
    public List<IncidentSummaryView> inboxSearch(long orgId, String text, Instant now, int limit) {
        java.util.Optional<String> number = IncidentSearch.numberPattern(text);
        return jdbc.sql(COLUMNS + """
                         WHERE department_ids @> ARRAY[CAST(:org AS bigint)]
                           AND (text ILIKE :text OR address ILIKE :text OR item_name ILIKE :text
                                OR number LIKE :number)
                         ORDER BY reported_at DESC, id LIMIT :limit
                        """)
                .param("org", orgId)
                .param("text", "%" + IncidentSearch.escape(text) + "%")
                .param("number", number.orElse(""))
                .param("limit", limit)
                .query((rs, n) -> IncidentSearch.summary(rs, now))
                .list();
    }

    public List<IncidentSummaryView> grid(GridTab tab, long userId, Set<String> grids, Instant now, int limit) {
        return jdbc.sql(COLUMNS + " WHERE" + tab.where + " ORDER BY reported_at DESC, id LIMIT :limit")
                .param("me", userId)
                .param("grids", grids.toArray(String[]::new))
                .param("limit", limit)
                .query((rs, n) -> IncidentSearch.summary(rs, now))
                .list();
    }
}
