package org.onegrid.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With several nodes, an import on one reaches the others' regions and grid index at their next check of the stamp,
 * and only then; the node that imported does not load it twice.
 */
@IntegrationTest
@RecordApplicationEvents
class RegionStampTests {

    @Autowired
    RegionStamp stamp;

    @Autowired
    Grids grids;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    ApplicationEvents events;

    void rename(String table, String code, String name) {
        jdbc.sql("UPDATE " + table + " SET name = :name WHERE code = :code")
                .param("name", name)
                .param("code", code)
                .update();
    }

    void bumpAsAnotherNodeWould() {
        jdbc.sql("UPDATE region_stamp SET stamp = stamp + 1 WHERE id = 1").update();
    }

    @Test
    void anImportOnAnotherNodeReachesThisNodeAtItsNextCheckAndNotBefore() {
        assertThat(stamp.check()).as("nothing imported").isFalse();
        GridView grid = grids.all().get(0);
        RegionView village = regions.find(grid.villageCode()).orElseThrow();
        try {
            // another node's import writes the rows ...
            rename("grid", grid.code(), "新网格");
            rename("region", village.code(), "新社区");
            assertThat(stamp.check()).as("rows changed, stamp not yet").isFalse();
            assertThat(grids.find(grid.code()).orElseThrow().name()).isEqualTo(grid.name());

            // ... and bumps the stamp in the same transaction
            bumpAsAnotherNodeWould();
            assertThat(stamp.check()).isTrue();
            assertThat(grids.find(grid.code()).orElseThrow().name()).isEqualTo("新网格");
            assertThat(regions.find(village.code()).orElseThrow().name()).isEqualTo("新社区");
            assertThat(grids.location(grid.code()).orElseThrow().village().name())
                    .isEqualTo("新社区");
            assertThat(events.stream(RegionsReloaded.class)).hasSize(1);
            assertThat(stamp.check()).as("loaded once").isFalse();
        } finally {
            rename("grid", grid.code(), grid.name());
            rename("region", village.code(), village.name());
            bumpAsAnotherNodeWould();
            stamp.check();
        }
        assertThat(grids.find(grid.code()).orElseThrow().name()).isEqualTo(grid.name());
    }

    @Test
    void theNodeThatImportsRebuildsAtOnceAndDoesNotReloadAtItsCheck() {
        long before =
                jdbc.sql("SELECT stamp FROM region_stamp").query(Long.class).single();
        tx.executeWithoutResult(status -> publisher.publishEvent(new GridsChanged(grids.count())));

        assertThat(jdbc.sql("SELECT stamp FROM region_stamp").query(Long.class).single())
                .isEqualTo(before + 1);
        assertThat(stamp.check()).isFalse();
        assertThat(events.stream(RegionsReloaded.class)).isEmpty();
    }

    @Test
    void anImportThatRollsBackLeavesTheStampWhereItWas() {
        long before =
                jdbc.sql("SELECT stamp FROM region_stamp").query(Long.class).single();
        tx.executeWithoutResult(status -> {
            publisher.publishEvent(new GridsChanged(grids.count()));
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("SELECT stamp FROM region_stamp").query(Long.class).single())
                .isEqualTo(before);
    }
}
