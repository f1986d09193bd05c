package org.onegrid.bench.scale;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.onegrid.OneGridApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmarks at scale, one command each ({@code bench/scale dashboard}, {@code bench/scale scan}): starts the
 * application on its own embedded PostgreSQL under {@code bench/target/}, generates the incidents there the first
 * time, and measures.
 */
public final class ScaleBench {

    private ScaleBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("coverage")) {
            coverage(args);
            return;
        }
        if (args.length > 0 && args[0].equals("hazard")) {
            hazard(args);
            return;
        }
        if (args.length == 0 || !(args[0].equals("dashboard") || args[0].equals("scan"))) {
            System.err.println("usage: bench/scale dashboard [incidents] [--setting=value…] | bench/scale scan [open"
                    + " incidents] [--setting=value…]");
            System.exit(2);
        }
        String what = args[0];
        long standard = what.equals("dashboard") ? 10_000_000 : 1_000_000;
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        long incidents = !rest.isEmpty() && !rest.get(0).startsWith("--")
                ? Long.parseLong(rest.remove(0).replace("_", ""))
                : standard;
        Path dir = Path.of("target", "scale-" + what + "-" + incidents, "postgres");
        // any further arguments are the application's settings, e.g. --onegrid.incident.scan-share=1
        List<String> settings = new ArrayList<>(List.of(
                "--onegrid.db.embedded.data-dir=" + dir.toAbsolutePath(),
                "--onegrid.demo.incidents=0",
                "--onegrid.incident.scan-cron=-",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.onegrid=INFO"));
        settings.addAll(rest);
        System.out.printf("OneGrid at scale: %s over %,d incidents, database in %s %s%n", what, incidents, dir, rest);
        // as command-line arguments, which come before the application's own configuration
        ConfigurableApplicationContext app =
                new SpringApplicationBuilder(OneGridApplication.class).run(settings.toArray(String[]::new));
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Loader.settings(jdbc);
            Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            Loader.Plan plan = what.equals("dashboard")
                    ? new Loader.Plan(what, incidents, end.minus(Duration.ofDays(5 * 365 + 1)), end, false)
                    : new Loader.Plan(what, incidents, end.minus(Duration.ofDays(25)), end, true);
            Instant asOf = new Loader(app).ensure(plan);
            System.out.printf(
                    "Database size: %s%n",
                    jdbc.queryForObject("SELECT pg_size_pretty(pg_database_size(current_database()))", String.class));
            for (var row : jdbc.queryForList("""
                    SELECT c.relname AS name, pg_size_pretty(pg_table_size(c.oid)) AS heap,
                           pg_size_pretty(pg_indexes_size(c.oid)) AS indexes
                      FROM pg_class c WHERE c.relkind = 'r'
                     ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 8
                    """)) {
                System.out.printf("  %-24s %10s, indexes %s%n", row.get("name"), row.get("heap"), row.get("indexes"));
            }
            if (what.equals("dashboard")) {
                new DashboardBench(app).run();
            } else {
                new ScanBench(app, asOf).run();
            }
        } finally {
            app.close();
        }
    }

    /** {@code bench/scale coverage [visits]}: visit coverage roll-ups over 10 million visits (default). */
    private static void coverage(String[] args) {
        long visits =
                args.length > 1 && !args[1].startsWith("--") ? Long.parseLong(args[1].replace("_", "")) : 10_000_000;
        Path dir = Path.of("target", "scale-coverage-" + visits, "postgres");
        System.out.printf("OneGrid at scale: coverage over %,d visits, database in %s%n", visits, dir);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(OneGridApplication.class)
                .run(
                        "--onegrid.db.embedded.data-dir=" + dir.toAbsolutePath(),
                        "--onegrid.demo.incidents=0",
                        "--onegrid.incident.scan-cron=-",
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--logging.level.org.onegrid=INFO");
        try {
            CoverageBench bench = new CoverageBench(app);
            bench.ensure(visits);
            bench.run();
        } finally {
            app.close();
        }
    }

    /** {@code bench/scale hazard [hazards]}: Zibo's 354,000 hazards over 88,000 organisations, ten years of tasks. */
    private static void hazard(String[] args) throws java.io.IOException {
        long hazards =
                args.length > 1 && !args[1].startsWith("--") ? Long.parseLong(args[1].replace("_", "")) : 354_000;
        Path dir = Path.of("target", "scale-hazard-" + hazards, "postgres");
        System.out.printf("OneGrid at scale: hazards, %,d over 88,000 organisations, database in %s%n", hazards, dir);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(OneGridApplication.class)
                .run(
                        "--onegrid.db.embedded.data-dir=" + dir.toAbsolutePath(),
                        "--onegrid.demo.incidents=0",
                        "--onegrid.demo.registry.households-per-village=0",
                        "--onegrid.demo.hazards.days=0",
                        "--onegrid.incident.scan-cron=-",
                        "--onegrid.hazard.generate-cron=-",
                        "--onegrid.hazard.scan-cron=-",
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--logging.level.org.onegrid=INFO");
        try {
            HazardBench bench = new HazardBench(app);
            bench.ensure(88_000, hazards);
            bench.run();
        } finally {
            app.close();
        }
    }
}
