package org.onegrid.bench.scale;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.onegrid.casework.time.Deadlines;
import org.onegrid.incident.domain.HistoryEntry;
import org.onegrid.incident.domain.StageWindow;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills an application database with generated incidents through COPY: the incident rows, their hash-chained
 * histories and evidence photos, as {@link Loop} drove them, then the dashboard's read model as its listener would
 * have written it. Secondary indexes are dropped for the load and built again from their own definitions after it.
 */
final class Loader {

    /** What to generate: how many, reported when, and whether every loop stays open (the scan's data). */
    record Plan(String name, long incidents, Instant from, Instant end, boolean allOpen) {}

    private static final int CHUNK = 5_000;
    private static final List<String> TABLES =
            List.of("incident", "incident_history", "incident_photo", "dashboard_incident");

    private final ApplicationContext app;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    Loader(ApplicationContext app) {
        this.app = app;
        this.dataSource = app.getBean(DataSource.class);
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The plan's time of reference if the database already holds it; otherwise generates it first. */
    Instant ensure(Plan plan) throws Exception {
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_scale (name TEXT PRIMARY KEY, incidents BIGINT NOT NULL,"
                + " as_of TIMESTAMPTZ NOT NULL, scanned_until TIMESTAMPTZ)");
        List<Instant> asOf = jdbc.query(
                "SELECT as_of FROM bench_scale WHERE name = ? AND incidents = ?",
                (rs, i) -> rs.getTimestamp(1).toInstant(),
                plan.name(),
                plan.incidents());
        if (!asOf.isEmpty()) {
            System.out.printf("Using the %,d incidents generated earlier (as of %s)%n", plan.incidents(), asOf.get(0));
            return asOf.get(0);
        }
        Long present = jdbc.queryForObject("SELECT count(*) FROM incident", Long.class);
        if (present != null && present == plan.incidents()) {
            // generated before, but the run ended before the read model and the indexes were done
            System.out.printf("Finishing the %,d incidents generated earlier%n", present);
            finish(new City(app), System.nanoTime());
        } else if (present != null && present > 0) {
            throw new IllegalStateException("The database holds " + present + " incidents of another plan; delete "
                    + "its directory and run again");
        } else {
            load(plan);
        }
        jdbc.update(
                "INSERT INTO bench_scale (name, incidents, as_of) VALUES (?, ?, ?)",
                plan.name(),
                plan.incidents(),
                Timestamp.from(plan.end()));
        return plan.end();
    }

    private void load(Plan plan) throws Exception {
        long started = System.nanoTime();
        City city = new City(app);
        System.out.printf(
                "The city's grids, items and staff looked up in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
        Deadlines deadlines = app.getBean(Deadlines.class);
        dropIndexes();
        AtomicLong incidents = new AtomicLong();
        AtomicLong entries = new AtomicLong();
        AtomicLong open = new AtomicLong();
        AtomicLong stopped = new AtomicLong();
        long chunks = (plan.incidents() + CHUNK - 1) / CHUNK;
        AtomicLong next = new AtomicLong();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        long span = Duration.between(plan.from(), plan.end()).toMillis();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(true);
                    try (Statement s = c.createStatement()) {
                        s.execute("SET synchronous_commit = off");
                    }
                    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                    for (long chunk = next.getAndIncrement(); chunk < chunks; chunk = next.getAndIncrement()) {
                        SplittableRandom random = new SplittableRandom(20_261_123L * 31 + chunk);
                        Loop loop = new Loop(city, deadlines, plan.end(), random);
                        StringBuilder incidentRows = new StringBuilder(CHUNK * 900);
                        StringBuilder historyRows = new StringBuilder(CHUNK * 2000);
                        StringBuilder photoRows = new StringBuilder(CHUNK * 300);
                        long first = chunk * CHUNK;
                        long last = Math.min(plan.incidents(), first + CHUNK);
                        for (long i = first; i < last; i++) {
                            Instant reportedAt = plan.from()
                                    .plusMillis((long) (span * ((i + random.nextDouble()) / plan.incidents())));
                            Loop.Driven d =
                                    loop.drive(reportedAt, plan.allOpen() ? 1 + random.nextInt(4) : Integer.MAX_VALUE);
                            List<HistoryEntry> history = d.incident().history();
                            StageWindow stage = d.incident().stage().orElse(null);
                            boolean warned = stage != null
                                    && stage.yellowAt().isBefore(plan.end().minusSeconds(60));
                            Rows.incident(
                                    incidentRows,
                                    d,
                                    warned,
                                    history.get(history.size() - 1).at());
                            for (HistoryEntry e : history) {
                                Rows.history(historyRows, e);
                            }
                            String id = d.incident().id().value().toString();
                            for (Loop.Photo p : d.photos()) {
                                Rows.photo(photoRows, p, id);
                            }
                            entries.addAndGet(history.size());
                            open.addAndGet(stage != null ? 1 : 0);
                            stopped.addAndGet(d.stopped() ? 1 : 0);
                        }
                        copy.copyIn(
                                "COPY incident (" + Rows.INCIDENT_COLUMNS + ") FROM STDIN",
                                new StringReader(incidentRows.toString()));
                        copy.copyIn(
                                "COPY incident_history (" + Rows.HISTORY_COLUMNS + ") FROM STDIN",
                                new StringReader(historyRows.toString()));
                        copy.copyIn(
                                "COPY incident_photo (" + Rows.PHOTO_COLUMNS + ") FROM STDIN",
                                new StringReader(photoRows.toString()));
                        long done = incidents.addAndGet(last - first);
                        if (done % 500_000 < CHUNK) {
                            System.out.printf(
                                    "  %,d incidents, %,d history entries, %d s%n",
                                    done, entries.get(), (System.nanoTime() - started) / 1_000_000_000);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(
                "Generated %,d incidents (%,d open, %,d stopped by a rule) with %,d history entries in %d s%n",
                incidents.get(),
                open.get(),
                stopped.get(),
                entries.get(),
                (System.nanoTime() - started) / 1_000_000_000);
        finish(city, started);
    }

    /** The read model, the indexes from the migrations, statistics. */
    private void finish(City city, long started) throws Exception {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM dashboard_incident", Long.class);
        if (rows == null || rows == 0) {
            fillDashboard(city);
        }
        long indexing = System.nanoTime();
        List<String> indexes = migrationIndexes();
        for (String definition : indexes) {
            jdbc.execute(definition);
        }
        System.out.printf(
                "Built %d indexes again in %d s%n", indexes.size(), (System.nanoTime() - indexing) / 1_000_000_000);
        for (String table : TABLES) {
            jdbc.execute("VACUUM ANALYZE " + table);
        }
        System.out.printf("Loaded in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
        jdbc.query("SELECT action, count(*) FROM incident_history GROUP BY 1 ORDER BY 2 DESC", rs -> {
            System.out.printf("  %-20s %,12d%n", rs.getString(1), rs.getLong(2));
        });
    }

    /**
     * The read model's rows as {@code DashboardReadModel} writes them from the incidents' facts: incidents reported
     * by address are placed at their grid's interior point.
     */
    private void fillDashboard(City city) {
        long started = System.nanoTime();
        jdbc.execute(
                "CREATE TABLE bench_grid_point (code TEXT PRIMARY KEY, lng DOUBLE PRECISION, lat DOUBLE PRECISION)");
        jdbc.batchUpdate(
                "INSERT INTO bench_grid_point VALUES (?, ?, ?)",
                city.grids.stream()
                        .map(g -> new Object[] {g.view().code(), g.longitude(), g.latitude()})
                        .toList());
        jdbc.execute("ALTER TABLE dashboard_incident DISABLE TRIGGER dashboard_incident_counts");
        jdbc.execute("""
                INSERT INTO dashboard_incident (id, version, status, open, channel, item_code, item_name, category_code,
                       grid_code, village_code, town_code, county_code, region_path, longitude, latitude, reported_at,
                       deadline, lead_org_id, closed_at, on_time, resolution_level, satisfaction)
                SELECT i.id, i.version, i.status, i.status NOT IN ('CLOSED', 'REJECTED', 'MERGED'), i.channel,
                       i.item_code, i.item_name, i.category_code, i.grid_code, i.village_code, i.town_code,
                       i.county_code, i.region_path, coalesce(i.longitude, g.lng),
                       CASE WHEN i.longitude IS NULL THEN g.lat ELSE i.latitude END, i.reported_at, i.stage_deadline,
                       i.lead_org_id, i.closed_at, i.closed_at IS NOT NULL AND i.overdues = 0, i.resolution_level,
                       i.satisfaction
                  FROM incident i LEFT JOIN bench_grid_point g ON g.code = i.grid_code
                """);
        jdbc.execute("DROP TABLE bench_grid_point");
        // the daily counters, as the trigger would have kept them row by row, in one pass
        jdbc.execute("SELECT dashboard_recount()");
        jdbc.execute("ALTER TABLE dashboard_incident ENABLE TRIGGER dashboard_incident_counts");
        System.out.printf("Filled the dashboard's read model in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    /**
     * The application's own secondary indexes of the loaded tables, as its migrations create them, each only if it is
     * missing.
     */
    private static List<String> migrationIndexes() throws Exception {
        List<String> out = new ArrayList<>();
        var pattern = java.util.regex.Pattern.compile(
                "CREATE\\s+INDEX\\s+(\\w+)\\s+ON\\s+(\\w+)([^;]*);", java.util.regex.Pattern.CASE_INSENSITIVE);
        var resources = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/migration/*.sql");
        for (var resource : resources) {
            String sql = new String(resource.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            var m = pattern.matcher(sql);
            while (m.find()) {
                if (TABLES.contains(m.group(2))) {
                    out.add("CREATE INDEX IF NOT EXISTS " + m.group(1) + " ON " + m.group(2) + m.group(3));
                }
            }
        }
        return out;
    }

    /** Drops the secondary indexes of the loaded tables; returns their definitions. */
    private List<String> dropIndexes() {
        List<String> definitions = jdbc.queryForList("""
                SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                 WHERE t.relname = ANY(?) AND NOT i.indisprimary AND NOT i.indisunique
                """, String.class, (Object) TABLES.toArray(String[]::new));
        List<String> names = jdbc.queryForList("""
                SELECT c.relname FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                  JOIN pg_class c ON c.oid = i.indexrelid
                 WHERE t.relname = ANY(?) AND NOT i.indisprimary AND NOT i.indisunique
                """, String.class, (Object) TABLES.toArray(String[]::new));
        names.forEach(name -> jdbc.execute("DROP INDEX " + name));
        return definitions;
    }

    static void settings(JdbcTemplate jdbc) throws SQLException {
        jdbc.execute("ALTER SYSTEM SET maintenance_work_mem = '1GB'");
        jdbc.execute("ALTER SYSTEM SET max_wal_size = '8GB'");
        jdbc.execute("ALTER SYSTEM SET checkpoint_timeout = '15min'");
        jdbc.execute("SELECT pg_reload_conf()");
    }
}
