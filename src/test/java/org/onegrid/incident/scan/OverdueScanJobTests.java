package org.onegrid.incident.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The scheduled scan runs under a cluster-wide lock, so several nodes do not scan at once. */
@IntegrationTest
class OverdueScanJobTests {

    @Autowired
    OverdueScanJob job;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theScheduledScanHoldsTheClusterWideLockWhileAndShortlyAfterItRuns() {
        job.run();

        var lock = jdbc.sql("SELECT lock_until, locked_by FROM shedlock WHERE name = 'incident-overdue-scan'")
                .query((rs, n) -> new Object[] {rs.getObject(1, java.time.LocalDateTime.class), rs.getString(2)})
                .single();
        OffsetDateTime until = ((java.time.LocalDateTime) lock[0]).atOffset(ZoneOffset.UTC);
        OffsetDateTime dbNow = jdbc.sql("SELECT timezone('utc', now())")
                .query((rs, n) -> rs.getObject(1, java.time.LocalDateTime.class))
                .single()
                .atOffset(ZoneOffset.UTC);
        // lockAtLeastFor keeps other nodes out for the rest of the minute's run even when the scan was quick
        assertThat(until).isAfter(dbNow.plusSeconds(10));
        assertThat((String) lock[1]).isNotBlank();
    }
}
