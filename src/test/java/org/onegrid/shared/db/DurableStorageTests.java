package org.onegrid.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded PostgreSQL keeps what it acknowledged: it runs with a production server's durable settings. */
@IntegrationTest
class DurableStorageTests {

    @Autowired
    JdbcClient jdbc;

    String show(String setting) {
        return jdbc.sql("SHOW " + setting).query(String.class).single();
    }

    @Test
    void theRunningDatabaseFlushesEveryCommitToDiskBeforeAnsweringIt() {
        assertThat(show("fsync")).isEqualTo("on");
        assertThat(show("synchronous_commit")).isEqualTo("on");
        assertThat(show("full_page_writes")).isEqualTo("on");
    }
}
