package org.onegrid.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scheduled backups of the embedded PostgreSQL (only when it runs; an external database is backed up by its own
 * operators): every night at 02:30 by default ({@code onegrid.db.embedded.backup-cron}, {@code -} switches them
 * off), into {@code onegrid.db.embedded.backup-dir} ({@code data/backups}), keeping the newest {@code
 * onegrid.db.embedded.backup-keep} (7). See OPERATIONS for the restore.
 */
@Component
@ConditionalOnProperty(EmbeddedBackups.DATA_PATH)
public class EmbeddedBackups {

    static final String DATA_PATH = "onegrid.db.embedded.data-path";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DataSource dataSource;
    private final Path dataDir;
    private final Path backupDir;
    private final int keep;

    EmbeddedBackups(
            DataSource dataSource,
            @Value("${" + DATA_PATH + "}") Path dataDir,
            @Value("${onegrid.db.embedded.backup-dir:data/backups}") Path backupDir,
            @Value("${onegrid.db.embedded.backup-keep:7}") int keep) {
        if (keep < 1) {
            throw new IllegalStateException("onegrid.db.embedded.backup-keep must be at least 1, not " + keep);
        }
        this.dataSource = dataSource;
        this.dataDir = dataDir;
        this.backupDir = backupDir.toAbsolutePath();
        this.keep = keep;
    }

    @Scheduled(
            cron = "${onegrid.db.embedded.backup-cron:0 30 2 * * *}",
            zone = "${onegrid.worktime.zone:Asia/Shanghai}")
    void scheduled() {
        try {
            backUp();
        } catch (IOException | SQLException | RuntimeException e) {
            log.error("Backup of the embedded database into {} failed", backupDir, e);
        }
    }

    /** Takes a backup now; returns its file. */
    public Path backUp() throws IOException, SQLException {
        long started = System.nanoTime();
        Files.createDirectories(backupDir);
        Path zip = backupDir.resolve("onegrid-" + NAME.format(LocalDateTime.now()) + ".zip");
        try (Connection connection = dataSource.getConnection()) {
            EmbeddedBackup.write(connection, dataDir, zip);
        }
        log.info(
                "Embedded database backed up to {} ({} MB) in {} s",
                zip,
                Files.size(zip) / 1_000_000,
                (System.nanoTime() - started) / 1_000_000_000);
        prune();
        return zip;
    }

    private void prune() throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(backupDir)) {
            backups = files.filter(p -> p.getFileName().toString().matches("onegrid-\\d{8}-\\d{6}\\.zip"))
                    .sorted()
                    .toList();
        }
        for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
            Files.deleteIfExists(old);
        }
    }
}
