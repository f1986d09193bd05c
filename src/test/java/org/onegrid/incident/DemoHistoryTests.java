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
