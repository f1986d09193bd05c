package org.onegrid.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup taken while the platform writes restores to a database that has everything committed before it. */
class EmbeddedBackupTests {

    @TempDir
    Path dir;

    @Test
    void aBackupTakenUnderWritesRestoresEverythingCommittedBeforeIt() throws Exception {
        Path zip = dir.resolve("backup.zip");
        long before;
        try (EmbeddedPostgres pg =
                        EmbeddedPostgresEnvironment.open(dir.resolve("live").toString(), 0);
                Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE report (id BIGSERIAL PRIMARY KEY, text TEXT NOT NULL)");
            s.execute("INSERT INTO report (text) SELECT '噪音扰民 ' || g FROM generate_series(1, 20000) g");
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                try (Connection w = pg.getPostgresDatabase().getConnection();
                        Statement ws = w.createStatement()) {
                    while (writing.get()) {
                        ws.execute("INSERT INTO report (text) VALUES ('油烟扰民')");
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            Thread.sleep(200);
            before = count(s, "SELECT count(*) FROM report");
            EmbeddedBackup.write(c, dir.resolve("live"), zip);
            writing.set(false);
            writer.join();
            s.execute("INSERT INTO report (text) VALUES ('after the backup')");
        }

        Path restored = dir.resolve("restored");
        unzip(zip, restored);
        try (EmbeddedPostgres pg = EmbeddedPostgresEnvironment.open(restored.toString(), 0);
                Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM report")).isGreaterThanOrEqualTo(before);
            assertThat(count(s, "SELECT count(*) FROM report WHERE text = 'after the backup'"))
                    .isZero();
            assertThat(count(s, "SELECT count(*) FROM report WHERE text LIKE '噪音扰民%'"))
                    .isEqualTo(20000);
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** As an operator would: unzip into an empty directory that only its owner may read. */
    private static void unzip(Path zip, Path target) throws Exception {
        Files.createDirectories(target);
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                Path out = target.resolve(e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out);
                }
            }
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
    }
}
