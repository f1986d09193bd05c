package org.onegrid.region.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.region.Outlines;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.region.importing.GridImporter;
import org.onegrid.shared.geo.GeoJson;
import org.onegrid.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Grids 网格: where a point lies, grid polygons for maps, and importing grids. */
@RestController
@RequestMapping("/api/v1/grids")
class GridController {

    static final String GEO_JSON = "application/geo+json";

    /** Coordinates of a whole region's grids: six decimals are about 10 cm, plenty for a map, and smaller. */
    private static final int MAP_DECIMALS = 6;

    private final Grids grids;
    private final Regions regions;
    private final GridImporter importer;
    private final Outlines outlines;
    private final Scope scope;

    GridController(Grids grids, Regions regions, GridImporter importer, Outlines outlines, Scope scope) {
        this.grids = grids;
        this.regions = regions;
        this.importer = importer;
        this.outlines = outlines;
        this.scope = scope;
    }

    record Ref(String code, String name) {}

    record GridRef(String code, String name, String type, String typeLabel) {}

    record Located(GridRef grid, Ref village, Ref town, Ref county, Ref city) {}

    /**
     * The grid a point lies in, with its village, town, county and city. 404 {@code outside-jurisdiction} when
     * no grid of the caller's scope covers the point; never the nearest grid.
     */
    @GetMapping("/locate")
    Located locate(@RequestParam(required = false) String lng, @RequestParam(required = false) String lat) {
        Coordinates.Point p = Coordinates.parse(lng, lat);
        Location l = grids.locate(p.lng(), p.lat()).filter(this::seen).orElseThrow(() -> outside(p));
        GridView g = l.grid();
        return new Located(
                new GridRef(g.code(), g.name(), g.type().name(), g.type().label()),
                ref(l.village()),
                ref(l.town()),
                ref(l.county()),
                ref(l.city()));
    }

    private RuntimeException outside(Coordinates.Point p) {
        String jurisdiction = String.join(
                "、",
                regions.byLevel(RegionLevel.CITY).stream().map(RegionView::name).toList());
        return Problems.of(
                HttpStatus.NOT_FOUND,
                "outside-jurisdiction",
                String.format(
                        Locale.ROOT,
                        "(%s, %s) lies outside the jurisdiction of %s — no grid covers it",
                        p.lngText(),
                        p.latText(),
                        jurisdiction.isEmpty() ? "any imported city" : jurisdiction),
                Map.of("lng", p.lng(), "lat", p.lat()));
    }

    private boolean seen(Location l) {
        return scope.sees(l.village());
    }

    private static Ref ref(RegionView r) {
        return r == null ? null : new Ref(r.code(), r.name());
    }

    /** One grid as a GeoJSON Feature. */
    @GetMapping(
            path = "/{code}",
            produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    Map<String, Object> grid(@PathVariable String code) {
        GridView grid = grids.location(code)
                .filter(this::seen)
                .map(Location::grid)
                .orElseThrow(() -> Problems.notFound("Grid", code));
        return feature(grid, GeoJson.write(grids.geometry(code).orElseThrow()));
    }

    /**
     * The grids of a region (a county has about 1,200) that the caller sees, as a GeoJSON FeatureCollection, for the
     * map; with {@code zoom}, drawn only as fine as that zoom shows, with the properties a map uses (see {@link
     * Outlines}).
     */
    @GetMapping(produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    Map<String, Object> inRegion(
            @RequestParam(required = false) String region, @RequestParam(required = false) String zoom) {
        if (region == null || region.isBlank()) {
            throw Problems.invalid("region", "region is required: the code of the region whose grids to show");
        }
        scope.region(region);
        int z = RegionController.zoom(zoom, -1);
        List<GridView> seen = grids.inRegion(region).stream()
                .filter(g -> grids.location(g.code()).filter(this::seen).isPresent())
                .toList();
        if (z >= 0) {
            return outlines.featureCollection(
                    Outlines.Level.GRID, seen.stream().map(GridView::code).toList(), z);
        }
        List<Map<String, Object>> features = seen.stream()
                .map(g -> feature(g, GeoJson.write(grids.geometry(g.code()).orElseThrow(), MAP_DECIMALS)))
                .toList();
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        return fc;
    }

    private Map<String, Object> feature(GridView g, Map<String, Object> geometry) {
        Location l = grids.location(g.code()).orElseThrow();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("code", g.code());
        props.put("name", g.name());
        props.put("type", g.type().name());
        props.put("typeLabel", g.type().label());
        props.put("villageCode", g.villageCode());
        props.put("village", l.village() == null ? null : l.village().name());
        props.put("town", l.town() == null ? null : l.town().name());
        props.put("county", l.county() == null ? null : l.county().name());
        props.put("areaSquareMetres", Math.round(g.areaSquareMetres() * 10) / 10.0);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", g.code());
        f.put("properties", props);
        f.put("geometry", geometry);
        return f;
    }

    /**
     * Imports grids from a GeoJSON FeatureCollection uploaded as the multipart part {@code file}; an upsert by
     * grid code. A file with any problem imports nothing and is answered with every problem.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    GridImporter.GridImportSummary importFile(@RequestPart("file") MultipartFile file) {
        try {
            return importer.importGrids(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports grids from a GeoJSON FeatureCollection sent as the request body. */
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping(
            path = "/import",
            consumes = {MediaType.APPLICATION_JSON_VALUE, GEO_JSON, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    GridImporter.GridImportSummary importBody(@RequestBody(required = false) byte[] body) {
        return importer.importGrids("request body", body);
    }
}
