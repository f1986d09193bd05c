package org.onegrid.bench.http;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The whole loop 闭环 at a fixed rate of new incidents, each taken to closed by the people whose work it is: the grid
 * worker reports, the village centre's dispatcher accepts and dispatches to the county's 城管执法 branch, whose handler
 * signs, uploads a photo after and completes, and the grid worker verifies on site. Seven requests per loop. A loop's
 * latency runs from its due time to the verification; each step's own latency is shown too. Afterwards every
 * acknowledged loop must have its incident closed with six history entries.
 */
final class LoopScenario {

    /** Grid and village items the county's 城管执法 handles. */
    private static final List<String[]> ITEMS = List.of(
            new String[] {"CSGL-008", "小区东侧垃圾桶满溢，垃圾散落路面，需尽快清运"},
            new String[] {"CSGL-002", "楼道口和绿化带旁堆放大量废旧家具和建材"},
            new String[] {"CSGL-009", "单元门和电线杆上贴满开锁、办证小广告"},
            new String[] {"MDJF-010", "临街商铺门口音响循环播放促销广告，噪音扰民"});

    private static final String[] STEPS = {"report", "accept", "dispatch", "sign", "photo", "complete", "verify"};

    private final HttpLoad.Settings settings;
    private final String run = "loop-" + Long.toString(System.currentTimeMillis(), 36);
    private final Recorder[] steps = new Recorder[STEPS.length];
    private final byte[] photo = jpeg();
    private final Platform platform;

    LoopScenario(HttpLoad.Settings settings) {
        this.settings = settings;
        this.platform = new Platform(settings.base());
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new Recorder(TimeUnit.MINUTES.toNanos(5), 3);
        }
    }

    boolean run() throws Exception {
        System.out.println("Whole loop over HTTP: " + settings);
        List<DemoPlaces.Place> places = DemoPlaces.sample(platform, "leader", "3705", settings.grids());
        Set<String> accounts = new LinkedHashSet<>();
        for (DemoPlaces.Place p : places) {
            accounts.add(p.gridWorker());
            accounts.add(p.villageDispatcher());
            accounts.add(p.handler("chengguan"));
        }
        platform.signIn(new ArrayList<>(accounts));

        Set<String> closed = ConcurrentHashMap.newKeySet();
        OpenLoad.Arrival loop = i -> loop(platform, places, i, closed);
        OpenLoad load = new OpenLoad(settings.maxInFlight(), Duration.ofSeconds(5));
        long warmupCount = Math.round(settings.rate() * settings.warmup().toSeconds());
        if (warmupCount > 0) {
            HttpLoad.print(load.run("warm-up", settings.rate(), settings.warmup(), 0, loop), "loops");
            for (Recorder r : steps) {
                r.reset();
            }
        }
        CpuMeter cpu = settings.cpu();
        CpuMeter.Reading before = cpu.read();
        OpenLoad.Outcome measured = load.run("loop", settings.rate(), settings.measured(), warmupCount, loop);
        CpuMeter.Reading after = cpu.read();
        HttpLoad.print(measured, "loops");
        cpu.print(before, after, measured.succeeded(), "loop");
        System.out.printf(
                Locale.ROOT,
                "  = %.0f actions/s (%d requests a loop)%n",
                measured.achievedRate() * STEPS.length,
                STEPS.length);
        for (int s = 0; s < STEPS.length; s++) {
            Histogram h = steps[s].getIntervalHistogram();
            System.out.printf(
                    Locale.ROOT,
                    "  step %-8s p50 %7.1f ms, p90 %7.1f ms, p99 %7.1f ms, max %7.1f ms (%d)%n",
                    STEPS[s],
                    OpenLoad.ms(h.getValueAtPercentile(50)),
                    OpenLoad.ms(h.getValueAtPercentile(90)),
                    OpenLoad.ms(h.getValueAtPercentile(99)),
                    OpenLoad.ms(h.getMaxValue()),
                    h.getTotalCount());
        }
        long verified = check(closed);
        System.out.printf(
                "check: %d loops acknowledged closed, %d found closed with their 6 history entries%n",
                closed.size(), verified);
        boolean ok = verified == closed.size() && measured.failed() == 0;
        System.out.println(ok ? "PASS: every acknowledged loop is closed in the database" : "FAIL");
        return ok;
    }

    private CompletableFuture<Boolean> loop(
            Platform platform, List<DemoPlaces.Place> places, long i, Set<String> closed) {
        DemoPlaces.Place place = places.get((int) (i % places.size()));
        String[] item = ITEMS.get((int) ((i / places.size()) % ITEMS.size()));
        String gw = place.gridWorker();
        String centre = place.villageDispatcher();
        String handler = place.handler("chengguan");
        String report = String.format(
                Locale.ROOT,
                "{\"itemCode\":\"%s\",\"text\":\"%s\",\"longitude\":%.7f,\"latitude\":%.7f,\"address\":\"网格%s内\"}",
                item[0],
                item[1],
                place.lng(),
                place.lat(),
                place.grid());
        String[] id = new String[1];
        return step(0, platform.post(gw, "/api/v1/incidents", report, run + "-" + i), 201, r -> {
                    id[0] = Platform.id(r.body());
                    return act(platform, centre, id[0], "accept", "{\"comment\":\"情况属实，予以受理\"}", 1);
                })
                .thenCompose(ok -> !ok
                        ? done(false)
                        : act(
                                platform,
                                centre,
                                id[0],
                                "dispatch",
                                "{\"mode\":\"SINGLE\",\"department\":\"chengguan\",\"comment\":\"请城管执法处置\"}",
                                2))
                .thenCompose(ok -> !ok ? done(false) : act(platform, handler, id[0], "sign", "{}", 3))
                .thenCompose(ok -> !ok
                        ? done(false)
                        : step(
                                4,
                                platform.upload(handler, photo),
                                201,
                                r -> act(
                                        platform,
                                        handler,
                                        id[0],
                                        "complete",
                                        "{\"comment\":\"已现场处置完毕\",\"photoIds\":[\"" + Platform.id(r.body()) + "\"]}",
                                        5)))
                .thenCompose(ok -> !ok
                        ? done(false)
                        : act(platform, gw, id[0], "verify", "{\"passed\":true,\"comment\":\"现场复核已整改\"}", 6))
                .thenApply(ok -> {
                    if (ok) {
                        closed.add(id[0]);
                    }
                    return ok;
                });
    }

    private CompletableFuture<Boolean> act(
            Platform platform, String user, String id, String action, String body, int s) {
        return step(s, platform.post(user, "/api/v1/incidents/" + id + "/" + action, body, null), 200, r -> done(true));
    }

    /** Times one request of the loop and, if it answered {@code status}, goes on with {@code next}. */
    private CompletableFuture<Boolean> step(
            int s,
            CompletableFuture<HttpResponse<String>> request,
            int status,
            Function<HttpResponse<String>, CompletableFuture<Boolean>> next) {
        long sent = System.nanoTime();
        return request.thenCompose(r -> {
            steps[s].recordValue(Math.max(1, System.nanoTime() - sent));
            return platform.expect(r, status, STEPS[s]) ? next.apply(r) : done(false);
        });
    }

    private static CompletableFuture<Boolean> done(boolean ok) {
        return CompletableFuture.completedFuture(ok);
    }

    /** How many of these incidents are closed with exactly their six entries of history. */
    private long check(Set<String> ids) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.db(), "postgres", "");
                PreparedStatement q = c.prepareStatement("""
                        SELECT count(*) FROM incident i
                         WHERE i.id = ANY(?) AND i.status = 'CLOSED'
                           AND (SELECT count(*) FROM incident_history h WHERE h.incident_id = i.id) = 6
                        """)) {
            q.setArray(
                    1,
                    c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A 640×480 JPEG of about the size a phone sends after compression for upload. */
    private static byte[] jpeg() {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(7);
        for (int n = 0; n < 400; n++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillRect(random.nextInt(640), random.nextInt(480), 8 + random.nextInt(60), 8 + random.nextInt(60));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
