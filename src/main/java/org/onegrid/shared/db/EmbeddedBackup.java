package org.onegrid.shared.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An online physical backup of the embedded PostgreSQL, taken while the platform runs: PostgreSQL's own
 * low-level backup API ({@code pg_backup_start} … {@code pg_backup_stop}) around a copy of the data directory,
 * with the write-ahead log needed to make the copy consistent, in one zip. What {@code pg_basebackup} does; the
 * embedded server ships without it. A temporary replication slot keeps that log from being recycled meanwhile.
 *
 * <p>Restoring is unpacking the zip into an empty data directory (mode 0700) and starting: PostgreSQL finds the
 * {@code backup_label} and replays the log up to the end of the backup.
 */
public final class EmbeddedBackup {

    /** Directories whose contents a backup leaves out, as {@code pg_basebackup} does, but which must exist. */
    private static final Set<String> EMPTY = Set.of(
            "pg_wal",
            "pg_replslot",
            "pg_stat_tmp",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_subtrans");

    /** The running server's own files, left out too. */
    private static final Set<String> RUNNING = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private EmbeddedBackup() {}

    /**
     * Writes a backup of the server that {@code connection} is connected to, whose data directory is {@code
     * dataDir}, to {@code zip}.
     */
    public static void write(Connection connection, Path dataDir, Path zip) throws IOException, SQLException {
        Path part = zip.resolveSibling(zip.getFileName() + ".part");
        try (Statement sql = connection.createStatement();
                OutputStream file = Files.newOutputStream(part);
                ZipOutputStream out = new ZipOutputStream(file)) {
            sql.execute(
                    "SELECT pg_create_physical_replication_slot('onegrid_backup_' || pg_backend_pid(), true, true)");
            sql.execute("SELECT pg_backup_start('onegrid backup', true)");
            String label;
            String tablespaces;
            try {
                copy(dataDir, dataDir, out);
            } finally {
                try (ResultSet stop = sql.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                    stop.next();
                    label = stop.getString(1);
                    tablespaces = stop.getString(2);
                }
            }
            add(out, "backup_label", label);
            if (tablespaces != null && !tablespaces.isEmpty()) {
                add(out, "tablespace_map", tablespaces);
            }
            for (String empty : EMPTY) {
                out.putNextEntry(new ZipEntry(empty + "/"));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("pg_wal/archive_status/"));
            out.closeEntry();
            // after pg_backup_stop: the log up to the backup's end is written, and the slot still holds it
            try (DirectoryStream<Path> wal =
                    Files.newDirectoryStream(dataDir.resolve("pg_wal"), Files::isRegularFile)) {
                for (Path segment : wal) {
                    entry(out, "pg_wal/" + segment.getFileName(), segment);
                }
            }
        }
        Files.move(part, zip, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void copy(Path root, Path dir, ZipOutputStream out) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : (Iterable<Path>) children.sorted()::iterator) {
                String name = root.relativize(child).toString().replace('\\', '/');
                String top = child.getFileName().toString();
                if (dir.equals(root) && (EMPTY.contains(top) || RUNNING.contains(top))) {
                    continue;
                }
                if (Files.isDirectory(child)) {
                    out.putNextEntry(new ZipEntry(name + "/"));
                    out.closeEntry();
                    copy(root, child, out);
                } else {
                    entry(out, name, child);
                }
            }
        } catch (NoSuchFileException gone) {
            // a directory dropped while copying (a table's files after DROP): the log replays the drop
        }
    }

    private static void entry(ZipOutputStream out, String name, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            out.putNextEntry(new ZipEntry(name));
            in.transferTo(out);
            out.closeEntry();
        } catch (NoSuchFileException gone) {
            // removed while copying; the log accounts for it
        }
    }

    private static void add(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
