package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onegrid.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city runs its whole loop on any date: its year is replayed through the real actions with the clock at
 * 2027-02-01 (the year crossing into 2027 and up to 春节 2027, neither published) and at 2028-12-31, and every
 * incident goes its way — none is stopped by the calendar. Rolled back afterwards, so other tests see today's city.
 */
@IntegrationTest
class DemoCityOnAnyDateTests {

    @Autowired
    DemoHistory demo;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"2027-02-01T01:00:00Z", "2028-12-31T01:00:00Z"})
    void theWholeLoopRunsWithTheClockSetToAYearWithoutPublishedHolidays(String now) {
        Instant end = Instant.parse(now);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            Map<String, Integer> outcomes = demo.replay(end, 40);

            assertThat(outcomes).doesNotContainKey("stopped by a rule");
            assertThat(outcomes.getOrDefault("closed", 0) + outcomes.getOrDefault("closed late or after rework", 0))
                    .isGreaterThan(10);
            assertThat(jdbc.sql("SELECT count(*) FROM incident_history WHERE action = 'VERIFY_PASS' AND at > :from")
                            .param("from", java.sql.Timestamp.from(end.minus(java.time.Duration.ofDays(300))))
                            .query(Long.class)
                            .single())
                    .isPositive();
        });
    }
}
