package org.onegrid.region.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.Outlines;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.shared.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read access to the region tree. */
@RestController
@RequestMapping("/api/v1/regions")
class RegionController {

    private final Regions regions;
    private final RegionBoundaries boundaries;
    private final Outlines outlines;
    private final Grids grids;
    private final Scope scope;

    RegionController(Regions regions, RegionBoundaries boundaries, Outlines outlines, Grids grids, Scope scope) {
        this.regions = regions;
        this.boundaries = boundaries;
        this.outlines = outlines;
        this.grids = grids;
        this.scope = scope;
    }

    record RegionDetail(
            String code,
            String name,
            String level,
            String levelLabel,
            String parentCode,
            List<RegionView> lineage,
            List<Child> children) {}

    record Child(String code, String name, String level) {}

    /** The top regions (the cities imported) the caller works in. */
    @GetMapping
    List<Child> roots() {
        return regions.all().stream()
                .filter(r -> r.parentCode() == null)
                .filter(scope::shows)
                .map(r -> new Child(r.code(), r.name(), r.level().name()))
                .toList();
    }

    @GetMapping("/{code}")
    RegionDetail region(@PathVariable String code) {
        RegionView r = scope.region(code);
        return new RegionDetail(
                r.code(),
                r.name(),
                r.level().name(),
                r.level().label(),
                r.parentCode(),
                regions.lineage(code),
                regions.children(code).stream()
                        .filter(scope::shows)
                        .map(c -> new Child(c.code(), c.name(), c.level().name()))
                        .toList());
    }

    /** The boundaries of a city's or county's children (or its own) as a GeoJSON FeatureCollection. */
    @GetMapping("/{code}/boundaries")
    Map<String, Object> boundaries(@PathVariable String code) {
        scope.region(code);
        return boundaries.featureCollection(code, scope::shows);
    }

    /**
     * The outlines of the towns, villages or grids of a region, with their names and where to write them, drawn as
     * fine as the zoom shows (see {@link Outlines}): the caller's grids and the towns and villages they see or that
     * contain their region (its frame), nothing beside it.
     *
     * @param level {@code TOWN}, {@code VILLAGE} or {@code GRID}
     * @param zoom the map's zoom, 0–18
     */
    @GetMapping(
            path = "/{code}/outlines",
            produces = {GridController.GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    Map<String, Object> outlines(
            @PathVariable String code,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String zoom) {
        RegionView region = scope.region(code);
        Outlines.Level wanted = level(level);
        int z = zoom(zoom, 12);
        List<String> codes = switch (wanted) {
            case GRID ->
                grids.inRegion(region.code()).stream()
                        .filter(g -> grids.location(g.code())
                                .map(l -> scope.sees(l.village()))
                                .orElse(false))
                        .map(GridView::code)
                        .toList();
            case VILLAGE, TOWN ->
                regions.all().stream()
                        .filter(r -> r.level() == RegionLevel.valueOf(wanted.name()))
                        .filter(r -> r.isWithin(region))
                        .filter(scope::shows)
                        .map(RegionView::code)
                        .toList();
        };
        return outlines.featureCollection(wanted, codes, z);
    }

    private static Outlines.Level level(String level) {
        if (level == null || level.isBlank()) {
            throw Problems.invalid("level", "level is required: TOWN, VILLAGE or GRID");
        }
        try {
            return Outlines.Level.valueOf(level.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("level", "level must be TOWN, VILLAGE or GRID, not " + level.strip());
        }
    }

    /** A zoom parameter: a whole number 0–18, or the default when absent. */
    static int zoom(String zoom, int absent) {
        if (zoom == null || zoom.isBlank()) {
            return absent;
        }
        String z = zoom.strip();
        if (!z.matches("\\d{1,2}") || Integer.parseInt(z) > Outlines.MAX_ZOOM) {
            throw Problems.invalid("zoom", "zoom must be a whole number from 0 to " + Outlines.MAX_ZOOM + ", not " + z);
        }
        return Integer.parseInt(z);
    }
}
