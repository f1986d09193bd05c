package org.onegrid.bench.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP load driver: {@code intake} (grid workers report, photos excluded) or {@code loop} (report → accept →
 * dispatch → sign → upload evidence → complete → verify, each by its own demo account) against a running platform,
 * at a fixed arrival rate, then checks in the database that every acknowledged report is there. Options as
 * {@code --name=value}:
 *
 * <ul>
 *   <li>{@code base} the platform, default {@code http://localhost:8080}
 *   <li>{@code db} its database (JDBC URL; user {@code postgres}) for the check afterwards
 *   <li>{@code rate} arrivals per second (reports, or whole loops); {@code seconds} measured; {@code warmup} seconds
 *       at the same rate before, not measured
 *   <li>{@code grids} how many grids (and so grid-worker accounts) the reports come from
 *   <li>{@code in-flight} the most arrivals outstanding at once
 *   <li>{@code app-pid}, {@code db-pid} the application's and its PostgreSQL server's process ids, to report the CPU
 *       each spends per report or loop
 * </ul>
 */
public final class HttpLoad {

    private HttpLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("intake") || args[0].equals("loop"))) {
            System.err.println("usage: HttpLoad intake|loop [--base=URL] [--db=JDBC-URL] [--rate=N] [--seconds=N]"
                    + " [--warmup=N] [--grids=N] [--in-flight=N]");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value, not " + a);
            }
            options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        boolean intake = args[0].equals("intake");
        Settings settings = new Settings(
                options.getOrDefault("base", "http://localhost:8080"),
                options.getOrDefault("db", "jdbc:postgresql://localhost:5432/postgres"),
                Double.parseDouble(options.getOrDefault("rate", intake ? "1000" : "200")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "20"))),
                Integer.parseInt(options.getOrDefault("grids", "300")),
                Integer.parseInt(options.getOrDefault("in-flight", "4000")),
                Long.parseLong(options.getOrDefault("app-pid", "0")),
                Long.parseLong(options.getOrDefault("db-pid", "0")));
        boolean passed = intake ? new IntakeScenario(settings).run() : new LoopScenario(settings).run();
        System.exit(passed ? 0 : 1);
    }

    /** What a run is asked to do. */
    record Settings(
            String base,
            String db,
            double rate,
            Duration measured,
            Duration warmup,
            int grids,
            int maxInFlight,
            long appPid,
            long dbPid) {

        CpuMeter cpu() {
            return new CpuMeter(appPid, dbPid);
        }
    }

    static void print(OpenLoad.Outcome o, String unit) {
        var h = o.latencies();
        System.out.printf(
                Locale.ROOT,
                "%s: target %.0f %s/s, achieved %.1f %s/s over %.1f s; %d arrivals, %d ok, %d errors%n"
                        + "  latency from due time: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms"
                        + " (most in flight %d)%n",
                o.name(),
                o.targetRate(),
                unit,
                o.achievedRate(),
                unit,
                o.seconds(),
                o.arrivals(),
                o.succeeded(),
                o.failed(),
                OpenLoad.ms(h.getValueAtPercentile(50)),
                OpenLoad.ms(h.getValueAtPercentile(90)),
                OpenLoad.ms(h.getValueAtPercentile(99)),
                OpenLoad.ms(h.getValueAtPercentile(99.9)),
                OpenLoad.ms(h.getMaxValue()),
                o.maxInFlightSeen());
    }
}
