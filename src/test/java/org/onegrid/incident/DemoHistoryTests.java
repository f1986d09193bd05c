package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo city's past year, replayed through the real actions (a smaller year in tests). */
@IntegrationTest
class DemoHistoryTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncidentApi api;

    @Autowired
    Staff staff;

    StaffPrincipal admin() {
        return staff.principal(staff.findByUsername("admin").orElseThrow().id()).orElseThrow();
    }

    @Test
    void theYearHasClosedOpenEscalatedJointReworkedAndUnsatisfiedCases() {
        Map<String, Long> byStatus = jdbc
                .sql("SELECT status, count(*) FROM incident GROUP BY status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(200);
        assertThat(byStatus.getOrDefault("CLOSED", 0L)).isGreaterThan(100);
        assertThat(jdbc.sql("SELECT count(DISTINCT incident_id) FROM incident_history WHERE action = 'ESCALATE'")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("SELECT count(DISTINCT incident_id) FROM incident_history WHERE action = 'VERIFY_FAIL'")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("SELECT count(DISTINCT incident_id) FROM incident_history WHERE action = 'REPORT_IN'")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql(
                                "SELECT count(DISTINCT incident_id) FROM incident_history WHERE action = 'RESOLVE_ON_THE_SPOT'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void theYearReadsLikeACityNotABrochure() {
        // of the closed incidents: some closed late (a stage recorded overdue), some reworked, some rated 不满意
        var year = jdbc.sql("""
                        SELECT count(*) AS closed,
                               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM incident_history h
                                   WHERE h.incident_id = i.id AND h.action = 'MARK_OVERDUE')) AS late,
                               count(*) FILTER (WHERE satisfaction = 'DISSATISFIED') AS dissatisfied,
                               count(*) FILTER (WHERE satisfaction = 'BASICALLY_SATISFIED') AS basically,
                               count(*) FILTER (WHERE satisfaction = 'SATISFIED') AS satisfied
                          FROM incident i WHERE status = 'CLOSED'
                        """).query().singleRow();
        long closed = ((Number) year.get("closed")).longValue();
        double late = ((Number) year.get("late")).doubleValue() / closed;
        assertThat(late).as("closed late").isBetween(0.05, 0.35);
        assertThat(((Number) year.get("dissatisfied")).longValue()).isPositive();
        assertThat(((Number) year.get("basically")).longValue()).isPositive();
        assertThat(((Number) year.get("satisfied")).longValue())
                .isGreaterThan(((Number) year.get("basically")).longValue());
        for (String action : List.of("VERIFY_FAIL", "MARK_OVERDUE", "APPROVE_EXTENSION", "REOPEN")) {
            assertThat(jdbc.sql("SELECT count(*) FROM incident_history WHERE action = :action")
                            .param("action", action)
                            .query(Long.class)
                            .single())
                    .as(action)
                    .isPositive();
        }
        // 住建 runs late far more often than 城管
        Map<String, Double> lateShare =
                jdbc.sql("""
                        SELECT o.dept_code, avg((i.overdues > 0)::int) AS late
                          FROM incident i JOIN organisation o ON o.id = i.lead_org_id
                         WHERE i.status = 'CLOSED' AND o.dept_code IN ('chengguan', 'zhujian')
                         GROUP BY o.dept_code
                        """).query((rs, n) -> Map.entry(rs.getString(1), rs.getDouble(2))).list().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(lateShare.get("zhujian")).isGreaterThan(lateShare.get("chengguan") + 0.1);
    }

    @Test
    void everyReplayedHistoryVerifies() {
        List<UUID> ids = jdbc.sql("SELECT id FROM incident ORDER BY reported_at LIMIT 60")
                .query(UUID.class)
                .list();
        StaffPrincipal admin = admin();
        for (UUID id : ids) {
            assertThat(api.history(id, admin).orElseThrow().verified())
                    .as(id.toString())
                    .isTrue();
        }
    }
}
