package org.onegrid.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;
import org.onegrid.shared.geo.GeoJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An acknowledged report is never lost: the platform runs as a city runs it, in a process of its own on the embedded
 * PostgreSQL, residents report from six clients at once, and then the database processes are killed (as by a power
 * cut of the database or the OOM killer), or the application alone is killed. After a restart every report that was
 * answered {@code 201} is there, with its history and its {@code Idempotency-Key}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AcknowledgedReportsSurviveCrashesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCOUNT = "gridworker";
    private static final String PASSWORD = "Demo@2026";
    private static final String NOISE = "MDJF-010";
    private static final String HUAYUAN = "370523101001";
    private static final int CLIENTS = 6;

    @TempDir
    static Path dir;

    static Platform platform;

    /** Idempotency-Key → the incident id the platform answered with {@code 201}. */
    static final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    static double lng;
    static double lat;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start(dir);
        JsonNode grids = JSON.readTree(platform.get("/api/v1/grids?region=" + HUAYUAN));
        Point inside = GeoJson.readPolygonal(grids.get("features").get(0).get("geometry"))
                .getInteriorPoint();
        lng = inside.getX();
        lat = inside.getY();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    @Order(1)
    void everyAcknowledgedReportIsThereAfterTheDatabaseProcessesAreKilled() throws Exception {
        int before = acknowledged.size();
        underLoad(platform::killDatabase);
        assertThat(acknowledged.size() - before)
                .as("reports acknowledged before the kill")
                .isGreaterThan(20);

        platform.killApplication();
        platform = Platform.start(dir);
        assertEveryAcknowledgedReportIsStored();
    }

    @Test
    @Order(2)
    void everyAcknowledgedReportIsThereAfterTheApplicationAloneIsKilled() throws Exception {
        int before = acknowledged.size();
        underLoad(platform::killApplication);
        assertThat(acknowledged.size() - before)
                .as("reports acknowledged before the kill")
                .isGreaterThan(20);

        // the database outlived the application; the restart takes it over
        platform = Platform.start(dir);
        assertEveryAcknowledgedReportIsStored();
    }

    /** Six clients report for four seconds, then {@code kill} strikes while they go on for one more. */
    private static void underLoad(Runnable kill) throws Exception {
        String token = platform.token();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (running.get()) {
                    String key = UUID.randomUUID().toString();
                    try {
                        HttpResponse<String> r = platform.report(token, key, lng, lat);
                        if (r.statusCode() == 201) {
                            acknowledged.put(
                                    key, JSON.readTree(r.body()).get("id").asString());
                        }
                    } catch (IOException | RuntimeException e) {
                        // refused or cut off: not acknowledged, so not promised
                    }
                }
                return null;
            });
        }
        Thread.sleep(4_000);
        kill.run();
        Thread.sleep(1_000);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    private static void assertEveryAcknowledgedReportIsStored() throws Exception {
        List<String> ids = new ArrayList<>(acknowledged.values());
        List<String> keys = new ArrayList<>(acknowledged.keySet());
        try (Connection c = platform.database()) {
            assertThat(count(c, "SELECT count(*) FROM incident WHERE id = ANY(?::uuid[])", ids))
                    .as("acknowledged reports stored")
                    .isEqualTo(ids.size());
            assertThat(count(
                            c,
                            "SELECT count(DISTINCT incident_id) FROM incident_history"
                                    + " WHERE incident_id = ANY(?::uuid[]) AND sequence = 1 AND action = 'REPORT'",
                            ids))
                    .as("acknowledged reports with their first history entry")
                    .isEqualTo(ids.size());
            assertThat(count(c, "SELECT count(*) FROM incident_idempotency WHERE key = ANY(?)", keys))
                    .as("acknowledged reports' idempotency keys")
                    .isEqualTo(keys.size());
        }
        // and the key still answers with the same incident instead of making a second one
        String token = platform.token();
        for (String key : keys.subList(0, Math.min(50, keys.size()))) {
            HttpResponse<String> again = platform.report(token, key, lng, lat);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(JSON.readTree(again.body()).get("id").asString()).isEqualTo(acknowledged.get(key));
        }
    }

    private static long count(Connection c, String sql, List<String> values) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("text", values.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The platform in its own JVM, as {@code java -jar} runs it, on the embedded PostgreSQL in {@code dir}. */
    record Platform(Process process, int port, Path data, HttpClient http) {

        static Platform start(Path dir) throws Exception {
            int port = freePort();
            Path data = dir.resolve("postgres");
            Path log = dir.resolve("platform-" + port + ".log");
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx768m",
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            System.getProperty("java.class.path"),
                            "org.onegrid.OneGridApplication",
                            "--server.port=" + port,
                            "--onegrid.db.embedded.data-dir=" + data,
                            "--onegrid.demo.incidents=0",
                            "--onegrid.demo.incidents-in-background=false",
                            "--logging.level.root=WARN")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Platform platform = new Platform(
                    process,
                    port,
                    data,
                    HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .build());
            platform.awaitReady(log);
            return platform;
        }

        private void awaitReady(Path log) throws Exception {
            long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < giveUp) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The platform did not start:\n" + tail(log));
                }
                try {
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("UP")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
            process.destroyForcibly();
            throw new IllegalStateException("The platform was not ready within 3 minutes:\n" + tail(log));
        }

        private static String tail(Path log) throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }

        String token() throws Exception {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    JSON.writeValueAsString(Map.of("username", ACCOUNT, "password", PASSWORD))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body()).get("token").asString();
        }

        String get(String path) throws Exception {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Authorization", "Bearer " + token())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return r.body();
        }

        HttpResponse<String> report(String token, String key, double lng, double lat) throws IOException {
            String body = JSON.writeValueAsString(
                    Map.of("itemCode", NOISE, "text", "夜间广场舞音响过响，影响休息", "longitude", lng, "latitude", lat));
            try {
                return http.send(
                        HttpRequest.newBuilder(uri("/api/v1/incidents"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", key)
                                .timeout(Duration.ofSeconds(20))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        /** A connection to the embedded PostgreSQL, at the port its {@code postmaster.pid} names. */
        Connection database() throws Exception {
            List<String> pid = Files.readAllLines(data.resolve("postmaster.pid"));
            return DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres", "postgres", "");
        }

        /** SIGKILL to every PostgreSQL process, the postmaster last, as a crash would leave them. */
        void killDatabase() {
            try {
                long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid"))
                        .get(0)
                        .strip());
                ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
                postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
                postmaster.destroyForcibly();
                postmaster.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Could not kill the database", e);
            }
        }

        /** SIGKILL to the application's JVM alone; PostgreSQL runs on. */
        void killApplication() {
            process.destroyForcibly();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The application did not die", e);
            }
        }

        void stop() {
            process.destroy();
            try {
                process.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
