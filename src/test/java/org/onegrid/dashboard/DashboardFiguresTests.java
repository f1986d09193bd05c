package org.onegrid.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onegrid.IntegrationTest;
import org.onegrid.dashboard.DashboardTests.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every figure of the dashboard, as docs/FIGURES.md defines it, counted again with plain SQL over the incidents and
 * their history — not over the dashboard's read model or counters — for the city, a county and each department,
 * and compared with what the dashboard's API answers a leader.
 */
@IntegrationTest
class DashboardFiguresTests {

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    /**
     * Each incident of the region with what its history says: when it was last closed (the last step into 已结案),
     * and whether a stage of it was ever recorded overdue.
     */
    private static final String INCIDENTS = """
            WITH scoped AS (
                SELECT i.id, i.status, i.reported_at, i.stage_deadline, i.lead_org_id, i.resolution_level,
                       i.satisfaction, i.status NOT IN ('CLOSED', 'REJECTED', 'MERGED') AS is_open,
                       (SELECT max(h.at) FROM incident_history h
                         WHERE h.incident_id = i.id AND h.to_status = 'CLOSED'
                           AND h.from_status IS DISTINCT FROM 'CLOSED') AS last_closed,
                       EXISTS (SELECT 1 FROM incident_history h
                                WHERE h.incident_id = i.id AND h.action = 'MARK_OVERDUE') AS ran_late
                  FROM incident i
                 WHERE i.region_path LIKE :scope),
            closed AS (
                SELECT *, (last_closed AT TIME ZONE 'Asia/Shanghai')::date AS closed_day
                  FROM scoped WHERE status = 'CLOSED')
            """;

    private static final String KPIS = INCIDENTS + """
            SELECT (SELECT count(*) FROM scoped
                     WHERE (reported_at AT TIME ZONE 'Asia/Shanghai')::date = :today) AS reported_today,
                   (SELECT count(*) FROM scoped
                     WHERE (reported_at AT TIME ZONE 'Asia/Shanghai')::date >= :month) AS reported_month,
                   (SELECT count(*) FROM closed WHERE closed_day >= :since) AS closed,
                   (SELECT count(*) FROM closed WHERE closed_day >= :since AND NOT ran_late) AS on_time,
                   (SELECT count(*) FROM closed WHERE closed_day >= :since
                       AND resolution_level IN ('GRID', 'VILLAGE', 'TOWN')) AS grassroots,
                   (SELECT count(*) FROM closed WHERE closed_day >= :since AND satisfaction IS NOT NULL) AS evaluated,
                   (SELECT count(*) FROM closed WHERE closed_day >= :since
                       AND satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
                   (SELECT count(*) FROM scoped WHERE is_open) AS open,
                   (SELECT count(*) FROM scoped WHERE is_open AND stage_deadline < :now) AS overdue
            """;

    private static final String DEPARTMENTS = INCIDENTS + """
            SELECT lead_org_id, count(*) AS closed, count(*) FILTER (WHERE NOT ran_late) AS on_time
              FROM closed WHERE closed_day >= :since AND lead_org_id IS NOT NULL
             GROUP BY lead_org_id HAVING count(*) >= 3
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"3705", "370523"})
    void everyFigureIsWhatPlainSqlOverTheIncidentsCounts(String region) {
        Session leader = Session.signIn(port, "leader");
        String path = jdbc.sql("SELECT path FROM region WHERE code = :code")
                .param("code", region)
                .query(String.class)
                .single();
        LocalDate today = LocalDate.now(LOCAL);
        Instant now = Instant.now();

        Map<String, Object> expected = jdbc.sql(KPIS)
                .param("scope", path + "%")
                .param("today", today)
                .param("month", today.withDayOfMonth(1))
                .param("since", today.minusDays(DashboardQueries.WINDOW_DAYS - 1))
                .param("now", Timestamp.from(now))
                .query()
                .singleRow();
        JsonNode kpis = json.readTree(
                leader.get("/api/v1/dashboard/kpis?region=" + region).body());

        assertThat(kpis.get("reportedToday").asLong()).isEqualTo(n(expected, "reported_today"));
        assertThat(kpis.get("reportedThisMonth").asLong()).isEqualTo(n(expected, "reported_month"));
        assertThat(kpis.get("closed").asLong()).isEqualTo(n(expected, "closed"));
        assertThat(kpis.get("open").asLong()).isEqualTo(n(expected, "open"));
        assertThat(kpis.get("overdue").asLong()).isEqualTo(n(expected, "overdue"));
        assertThat(kpis.get("evaluated").asLong()).isEqualTo(n(expected, "evaluated"));
        long closed = n(expected, "closed");
        // 结案率 = 结案数 / (应结案数 − 缓办数): what was closed, against that and what is past its (extended) deadline
        assertRate(kpis, "closeRate", closed, closed + n(expected, "overdue"));
        assertRate(kpis, "onTimeRate", n(expected, "on_time"), closed);
        assertRate(kpis, "grassrootsRate", n(expected, "grassroots"), closed);
        assertRate(kpis, "satisfactionRate", n(expected, "satisfied"), n(expected, "evaluated"));

        // 部门按期结案率: the departments with the most closings, each with its own closed and on-time counts
        List<String> departments = new ArrayList<>();
        jdbc.sql(DEPARTMENTS)
                .param("scope", path + "%")
                .param("since", today.minusDays(DashboardQueries.RANKING_DAYS - 1))
                .query((rs, i) -> departments.add(
                        rs.getLong("lead_org_id") + ":" + rs.getLong("closed") + ":" + rs.getLong("on_time")))
                .list();
        JsonNode ranking = json.readTree(
                        leader.get("/api/v1/dashboard/ranking?region=" + region).body())
                .get("departments");
        List<String> shown = new ArrayList<>();
        double previous = Double.MAX_VALUE;
        for (JsonNode d : ranking) {
            shown.add(d.get("orgId").asLong() + ":" + d.get("closed").asLong() + ":"
                    + d.get("onTime").asLong());
            assertThat(d.get("onTimeRate").asDouble()).isLessThanOrEqualTo(previous);
            previous = d.get("onTimeRate").asDouble();
        }
        assertThat(departments).containsAll(shown);
        assertThat(shown).hasSize(Math.min(departments.size(), DashboardQueries.RANKING_SHOWN));
        // those shown are the busiest: none left out closed more than the least busy shown
        long fewestShown = shown.stream()
                .mapToLong(d -> Long.parseLong(d.split(":")[1]))
                .min()
                .orElse(Long.MAX_VALUE);
        assertThat(departments.stream().filter(d -> !shown.contains(d)).mapToLong(d -> Long.parseLong(d.split(":")[1])))
                .allMatch(closedLeftOut -> closedLeftOut <= fewestShown);
    }

    private static void assertRate(JsonNode kpis, String field, long part, long whole) {
        if (whole == 0) {
            assertThat(kpis.get(field).isNull()).as(field).isTrue();
        } else {
            assertThat(kpis.get(field).asDouble()).as(field).isCloseTo((double) part / whole, within(1e-9));
        }
    }

    private static long n(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
