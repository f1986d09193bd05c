package org.onegrid.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresEnvironmentTests {

    @TempDir
    Path dir;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
        String dataDir = dir.resolve("postgres").toString();
        try (EmbeddedPostgres pg = EmbeddedPostgresEnvironment.open(dataDir, 0);
                Connection c = pg.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('东营')");
        }
        try (EmbeddedPostgres pg = EmbeddedPostgresEnvironment.open(dataDir, 0);
                Connection c = pg.getPostgresDatabase().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("东营");
        }
    }
}
