package org.onegrid.region.generating;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.onegrid.region.GridsChanged;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.shared.geo.GeoJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Gives the demo city its grids once: Dongying reports 6,100 grid workers, one per grid, so 6,100 grids are
 * generated inside the county boundaries and shared among the counties by their number of villages.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "onegrid.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoCityGrids implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCityGrids.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Regions regions;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final int total;

    DemoCityGrids(
            JdbcClient jdbc,
            JdbcTemplate batch,
            Regions regions,
            ObjectMapper json,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            @Value("${onegrid.demo.grids:6100}") int total) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.regions = regions;
        this.json = json;
        this.tx = tx;
        this.events = events;
        this.total = total;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM grid").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        regions.refresh();
        List<RegionView> counties = regions.byLevel(RegionLevel.COUNTY);
        Map<String, List<GridGenerator.Town>> townsByCounty = new TreeMap<>();
        int[] villages = new int[counties.size()];
        for (int i = 0; i < counties.size(); i++) {
            List<GridGenerator.Town> towns = new ArrayList<>();
            for (RegionView town : regions.children(counties.get(i).code())) {
                List<GridGenerator.Village> vs = regions.children(town.code()).stream()
                        .map(v -> new GridGenerator.Village(v.code(), v.name()))
                        .toList();
                if (!vs.isEmpty()) {
                    towns.add(new GridGenerator.Town(town.code(), vs));
                    villages[i] += vs.size();
                }
            }
            townsByCounty.put(counties.get(i).code(), towns);
        }
        int[] counts = GridGenerator.shares(total, villages);
        List<GridGenerator.GeneratedGrid> grids = new ArrayList<>();
        for (int i = 0; i < counties.size(); i++) {
            String code = counties.get(i).code();
            grids.addAll(GridGenerator.partition(code, boundary(code), townsByCounty.get(code), counts[i]));
        }
        WKBWriter wkb = new WKBWriter(2, true);
        tx.executeWithoutResult(s -> {
            batch.batchUpdate("""
                    INSERT INTO grid (code, name, village_code, type, geometry, area_m2, generated)
                    VALUES (?, ?, ?, ?, ?, ?, TRUE)
                    """, grids, 500, (ps, g) -> {
                ps.setString(1, g.code());
                ps.setString(2, g.name());
                ps.setString(3, g.villageCode());
                ps.setString(4, g.type().name());
                ps.setBytes(5, wkb.write(g.geometry()));
                ps.setDouble(6, GeoJson.areaSquareMetres(g.geometry()));
            });
            events.publishEvent(new GridsChanged(grids.size()));
        });
        log.info(
                "Demo city grids generated: {} grids in {} ms",
                grids.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private Geometry boundary(String countyCode) {
        String geojson = jdbc.sql("SELECT boundary FROM region WHERE code = :c")
                .param("c", countyCode)
                .query(String.class)
                .single();
        return GeoJson.readPolygonal(json.readTree(geojson));
    }
}
