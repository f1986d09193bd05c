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

    @Test
    void anExternalDatabaseUrlIsUsedAsGivenAndNothingIsStarted() {
        org.springframework.mock.env.MockEnvironment env = new org.springframework.mock.env.MockEnvironment()
                .withProperty("onegrid.db.url", "jdbc:postgresql://db.example:5432/onegrid")
                .withProperty("onegrid.db.user", "onegrid")
                .withProperty("onegrid.db.password", "secret")
                .withProperty(
                        "onegrid.db.embedded.data-dir", dir.resolve("never").toString());
        new EmbeddedPostgresEnvironment().postProcessEnvironment(env, new org.springframework.boot.SpringApplication());
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/onegrid");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("onegrid");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("secret");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void springDatasourceSettingsAreLeftAloneWhenGiven() {
        org.springframework.mock.env.MockEnvironment env = new org.springframework.mock.env.MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://other:5432/city")
                .withProperty(
                        "onegrid.db.embedded.data-dir", dir.resolve("never").toString());
        new EmbeddedPostgresEnvironment().postProcessEnvironment(env, new org.springframework.boot.SpringApplication());
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://other:5432/city");
        assertThat(dir.resolve("never")).doesNotExist();
    }
}
