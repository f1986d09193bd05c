package org.onegrid.bench.scale;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Point;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.ReportIncident;
import org.onegrid.incident.scan.OverdueScan;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The overdue scan over the generated open incidents, at simulated minutes after the data's time of reference (each
 * run scans the next minute, as the scheduled job does), and intake beside it: grid workers reporting through
 * {@link IncidentApi#report} from several threads, first alone, then while scans run back to back.
 */
final class ScanBench {

    private static final int THREADS = 4;
    private static final Duration PHASE = Duration.ofSeconds(30);

    private final ApplicationContext app;
    private final JdbcTemplate jdbc;
    private final OverdueScan scan;
    private Instant scanned;

    ScanBench(ApplicationContext app, Instant asOf) {
        this.app = app;
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.scan = app.getBean(OverdueScan.class);
        Timestamp until =
                jdbc.queryForObject("SELECT scanned_until FROM bench_scale WHERE name = 'scan'", Timestamp.class);
        this.scanned = until == null ? asOf : until.toInstant();
    }

    void run() throws Exception {
        Map<String, Object> state = jdbc.queryForMap(
                """
                SELECT count(*) AS open,
                       count(*) FILTER (WHERE stage_deadline < ?) AS red,
                       count(*) FILTER (WHERE stage_deadline >= ? AND stage_yellow_at <= ?) AS yellow,
                       count(*) FILTER (WHERE stage_deadline >= ? AND stage_deadline < ?) AS due_next_hour
                  FROM incident WHERE stage IS NOT NULL
                """, ts(scanned), ts(scanned), ts(scanned), ts(scanned), ts(scanned.plus(Duration.ofHours(1))));
        System.out.printf(
                "%nOpen incidents at %s (simulated time): %,d, of them red (overdue) %,d, yellow %,d; due within the"
                        + " next hour %,d%n",
                scanned, n(state, "open"), n(state, "red"), n(state, "yellow"), n(state, "due_next_hour"));
        for (int i = 0; i < 3; i++) {
            timedScan(Duration.ofMinutes(1), "warm-up scan, next minute");
        }
        Intake intake = new Intake(app);
        intake.warmUp();
        // what the load left in the buffers goes to disk now, not during one of the phases
        jdbc.execute("CHECKPOINT");
        AtomicLong scans = new AtomicLong();
        AtomicLong slowest = new AtomicLong();
        AtomicLong marked = new AtomicLong();
        // alone, beside the scan, alone again: the two phases alone bracket the one beside, so that a drift of the
        // machine (JIT, caches, checkpoints) does not pass for the scan's effect
        double alone = intake.measure(PHASE, null);
        double beside = intake.measure(PHASE, stop -> {
            while (!stop.get()) {
                long started = System.nanoTime();
                OverdueScan.Result r = scanNext(Duration.ofMinutes(1));
                slowest.accumulateAndGet(System.nanoTime() - started, Math::max);
                scans.incrementAndGet();
                marked.addAndGet(r.overdue());
            }
        });
        double aloneAgain = intake.measure(PHASE, null);
        double before = (alone + aloneAgain) / 2;
        System.out.printf(
                "%nIntake, %d threads through IncidentApi.report, %d s each: alone %.1f reports/s; while the scan runs"
                        + " back to back (%d scans of one minute each, %,d marked, slowest %.0f ms) %.1f reports/s;"
                        + " alone again %.1f reports/s: %.1f %% slower beside the scan than alone on average%n",
                THREADS,
                PHASE.toSeconds(),
                alone,
                scans.get(),
                marked.get(),
                slowest.get() / 1e6,
                beside,
                aloneAgain,
                100 * (1 - beside / before));
        timedScan(Duration.ofHours(1), "after an hour without scans");
        jdbc.update("UPDATE bench_scale SET scanned_until = ? WHERE name = 'scan'", ts(scanned));
    }

    private void timedScan(Duration step, String what) {
        long started = System.nanoTime();
        OverdueScan.Result r = scanNext(step);
        System.out.printf(
                "Scan at %s (%s): %,d marked overdue (%,d escalated), %,d yellow warnings, in %.0f ms%n",
                scanned, what, r.overdue(), r.escalated(), r.warned(), (System.nanoTime() - started) / 1e6);
    }

    private synchronized OverdueScan.Result scanNext(Duration step) {
        scanned = scanned.plus(step);
        return scan.runAt(scanned);
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    private static long n(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).longValue();
    }

    /** Grid workers reporting what they find, each in their own grid, through the application's intake. */
    private static final class Intake {
        private final IncidentApi api;
        private final List<GridView> grids;
        private final List<StaffPrincipal> workers = new ArrayList<>();
        private final List<double[]> points = new ArrayList<>();
        private final List<String> items;

        Intake(ApplicationContext app) {
            this.api = app.getBean(IncidentApi.class);
            Staff staff = app.getBean(Staff.class);
            Grids index = app.getBean(Grids.class);
            List<GridView> all = index.all();
            this.grids = new ArrayList<>();
            for (int i = 0; i < all.size() && grids.size() < 200; i += Math.max(1, all.size() / 200)) {
                GridView grid = all.get(i);
                var worker = staff.findByUsername("gw" + grid.code()).flatMap(u -> staff.principal(u.id()));
                if (worker.isPresent()) {
                    Point inside = index.geometry(grid.code()).orElseThrow().getInteriorPoint();
                    grids.add(grid);
                    workers.add(worker.get());
                    points.add(new double[] {inside.getX(), inside.getY()});
                }
            }
            this.items = new City.ItemCodes(app).codes();
        }

        void warmUp() throws Exception {
            measure(Duration.ofSeconds(30), null);
        }

        interface Beside {
            void run(AtomicBoolean stop);
        }

        /** Reports per second over {@code length}, with {@code beside} running meanwhile on its own thread. */
        double measure(Duration length, Beside beside) throws Exception {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong reports = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                threads.add(new Thread(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (!stop.get()) {
                        int g = random.nextInt(grids.size());
                        api.report(
                                new ReportIncident(
                                        items.get(random.nextInt(items.size())),
                                        "网格巡查发现，请处理",
                                        "GRID_WORKER",
                                        points.get(g)[0],
                                        points.get(g)[1],
                                        null,
                                        grids.get(g).code(),
                                        null,
                                        null,
                                        List.of()),
                                null,
                                workers.get(g));
                        reports.incrementAndGet();
                    }
                }));
            }
            Thread side = beside == null ? null : new Thread(() -> beside.run(stop));
            long started = System.nanoTime();
            threads.forEach(Thread::start);
            if (side != null) {
                side.start();
            }
            Thread.sleep(length.toMillis());
            long count = reports.get();
            double seconds = (System.nanoTime() - started) / 1e9;
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            if (side != null) {
                side.join();
            }
            return count / seconds;
        }
    }
}
