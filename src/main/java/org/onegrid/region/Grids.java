package org.onegrid.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.onegrid.region.locating.GridIndex;
import org.onegrid.shared.geo.GeoJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The grids 网格 of the imported cities and the grid (with its village, town, county and city) that a point lies
 * in. Everything is answered from an in-memory index of every grid polygon, loaded from the database at start
 * and rebuilt, then swapped in whole, whenever grids change; readers never see a half-built index.
 */
@Service
public class Grids {

    private static final Logger log = LoggerFactory.getLogger(Grids.class);

    private final JdbcClient jdbc;
    private final Regions regions;
    private volatile GridIndex index;

    Grids(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** Every grid, ordered by code. */
    public List<GridView> all() {
        return index().entries().stream().map(GridIndex.Entry::grid).toList();
    }

    public Optional<GridView> find(String code) {
        return index().find(code).map(GridIndex.Entry::grid);
    }

    /** The grids whose village lies in the region's subtree, ordered by code; empty for an unknown region. */
    public List<GridView> inRegion(String regionCode) {
        Optional<RegionView> region = regions.find(regionCode);
        if (region.isEmpty()) {
            return List.of();
        }
        List<GridView> out = new ArrayList<>();
        for (GridIndex.Entry e : index().entries()) {
            RegionView village = e.location().village();
            if (village != null && village.isWithin(region.get())) {
                out.add(e.grid());
            }
        }
        return out;
    }

    /**
     * The grid that covers the point (WGS 84 longitude and latitude), with the regions above it; empty when the
     * point lies in no grid, which means outside the jurisdiction. A point on the edge between two grids goes to
     * the grid whose code sorts first.
     */
    public Optional<Location> locate(double lng, double lat) {
        return Optional.ofNullable(index().locate(lng, lat));
    }

    public int count() {
        return index().size();
    }

    /** The grid's polygon, lon/lat (SRID 4326). */
    public Optional<Geometry> geometry(String code) {
        return index().find(code).map(GridIndex.Entry::geometry);
    }

    /** The location of every point of the grid: the grid itself and its village, town, county and city. */
    public Optional<Location> location(String code) {
        return index().find(code).map(GridIndex.Entry::location);
    }

    /** Rebuilds the index from the database and swaps it in. */
    public synchronized void refresh() {
        long start = System.nanoTime();
        GridIndex fresh = load();
        index = fresh;
        log.info("Grid index built: {} grids in {} ms", fresh.size(), (System.nanoTime() - start) / 1_000_000);
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        index();
    }

    /** After commit, so the new index is built from what the import or the generator wrote. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(GridsChanged event) {
        refresh();
    }

    /** Region names and paths are copied into the index; build it again on next use. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(RegionsImported event) {
        index = null;
    }

    private GridIndex index() {
        GridIndex i = index;
        if (i == null) {
            synchronized (this) {
                if (index == null) {
                    refresh();
                }
                i = index;
            }
        }
        return i;
    }

    private GridIndex load() {
        WKBReader wkb = new WKBReader(GeoJson.FACTORY);
        Map<String, Location> byVillage = new HashMap<>();
        List<GridIndex.Entry> entries = jdbc.sql("SELECT code, name, village_code, type, area_m2, geometry FROM grid")
                .query((rs, n) -> {
                    GridView grid = new GridView(
                            rs.getString("code"),
                            rs.getString("name"),
                            rs.getString("village_code"),
                            GridType.valueOf(rs.getString("type")),
                            rs.getDouble("area_m2"));
                    Geometry geometry;
                    try {
                        geometry = wkb.read(rs.getBytes("geometry"));
                    } catch (ParseException e) {
                        throw new IllegalStateException("grid " + grid.code() + " has a broken geometry", e);
                    }
                    Location regionsAbove = byVillage.computeIfAbsent(grid.villageCode(), this::regionsAbove);
                    Location location = new Location(
                            grid,
                            regionsAbove.village(),
                            regionsAbove.town(),
                            regionsAbove.county(),
                            regionsAbove.city());
                    return new GridIndex.Entry(grid, geometry, location);
                })
                .list();
        return GridIndex.of(entries);
    }

    /** The village and the regions above it, without a grid. */
    private Location regionsAbove(String villageCode) {
        RegionView[] byLevel = new RegionView[RegionLevel.values().length];
        for (RegionView r : regions.lineage(villageCode)) {
            byLevel[r.level().ordinal()] = r;
        }
        return new Location(
                null,
                byLevel[RegionLevel.VILLAGE.ordinal()],
                byLevel[RegionLevel.TOWN.ordinal()],
                byLevel[RegionLevel.COUNTY.ordinal()],
                byLevel[RegionLevel.CITY.ordinal()]);
    }
}
