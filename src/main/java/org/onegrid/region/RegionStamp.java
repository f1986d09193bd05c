package org.onegrid.region;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the regions and the grid index of every node in step with the database, when several nodes run: an import
 * (of regions, or of grids) bumps the stamp in {@code region_stamp} in its own transaction, and every node compares
 * the stamp with the one it has loaded every {@code onegrid.region.reload-check} (10 s) and reloads both when it
 * moved. The node that imported has rebuilt its own already and only notes the new stamp.
 */
@Component
class RegionStamp {

    private static final Logger log = LoggerFactory.getLogger(RegionStamp.class);

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Grids grids;
    private final ApplicationEventPublisher events;
    private volatile long loaded;

    RegionStamp(JdbcClient jdbc, Regions regions, Grids grids, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.grids = grids;
        this.events = events;
    }

    /** The stamp of what this node is about to load: read before the regions and grids are first used. */
    @EventListener(ContextRefreshedEvent.class)
    void started() {
        loaded = current();
    }

    /** In the importing transaction: the stamp moves with the import, or not at all. */
    @EventListener
    void on(RegionsImported event) {
        bump();
    }

    @EventListener
    void on(GridsChanged event) {
        bump();
    }

    @Scheduled(
            fixedDelayString = "${onegrid.region.reload-check:10s}",
            initialDelayString = "${onegrid.region.reload-check:10s}")
    void scheduled() {
        check();
    }

    /** Reloads the regions and grids if another node imported since this one loaded them; true if it did. */
    boolean check() {
        long stamp = current();
        if (stamp == loaded) {
            return false;
        }
        long started = System.nanoTime();
        regions.refresh();
        grids.refresh();
        loaded = stamp;
        log.info(
                "Regions and grids reloaded in {} ms: imported on another node (stamp {})",
                (System.nanoTime() - started) / 1_000_000,
                stamp);
        events.publishEvent(new RegionsReloaded(stamp));
        return true;
    }

    private void bump() {
        loaded = jdbc.sql("UPDATE region_stamp SET stamp = stamp + 1 WHERE id = 1 RETURNING stamp")
                .query(Long.class)
                .single();
    }

    private long current() {
        return jdbc.sql("SELECT stamp FROM region_stamp WHERE id = 1")
                .query(Long.class)
                .single();
    }
}
