package org.onegrid.region.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.onegrid.region.GridType;
import org.onegrid.region.GridsChanged;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.shared.geo.GeoJson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports grid 网格 polygons from a GeoJSON FeatureCollection, one feature per grid with the properties
 * {@code code}, {@code name}, {@code villageCode} (or {@code village_code}) and {@code type} ({@code URBAN},
 * {@code RURAL}, {@code DEDICATED}, or 城市网格, 农村网格, 专属网格).
 *
 * <p>An import is an upsert by code: a feature whose code is already a grid replaces that grid (its name,
 * village, type and polygon), any other feature adds a grid, and grids the file does not mention stay as they
 * are. To redraw an area under new codes, the file must therefore not overlap the grids it does not replace.
 *
 * <p>The whole file is checked before anything is written, and every problem is reported with the feature's
 * index and code: the JSON and its encoding, each feature's properties, polygon validity (with the place where
 * it fails), that the grid lies in the county of its village, and that it overlaps no other grid of the file and
 * no grid it does not replace. A file with any problem imports nothing.
 */
@Component
public class GridImporter {

    /** Share of a grid's area that must lie inside its county: published outlines are coarse at the border. */
    static final double MIN_SHARE_INSIDE_COUNTY = 0.995;

    /** An overlap up to this many square metres is noise, not an error. */
    static final double OVERLAP_TOLERANCE_M2 = 1.0;

    /**
     * An overlap thinner than this on average (area over half its perimeter) is a sliver along an edge the two
     * grids share, left by rounding coordinates (1e-7° is a centimetre; along a kilometre of border that is
     * several square metres). It puts no one in the wrong grid, so it is no error however long the edge.
     */
    static final double SLIVER_WIDTH_M = 0.1;

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_.\\-]{0,39}");
    private static final int MAX_NAME = 100;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batch;
    private final ObjectMapper json;
    private final Regions regions;
    private final ApplicationEventPublisher events;

    GridImporter(
            JdbcClient jdbc,
            NamedParameterJdbcOperations batch,
            ObjectMapper json,
            Regions regions,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.regions = regions;
        this.events = events;
    }

    /**
     * What an import wrote.
     *
     * @param imported grids in the file
     * @param created of those, grids that did not exist
     * @param replaced of those, grids that existed and were replaced
     * @param total grids known after the import
     */
    public record GridImportSummary(int imported, int created, int replaced, int total) {}

    /** A feature as read; fields that failed their check are null. */
    private record Candidate(
            int feature, String code, String name, String villageCode, GridType type, Geometry geometry) {}

    /** A polygon that new grids must not overlap: another feature of the file, or a grid already stored. */
    private record Shape(Candidate candidate, String code, Geometry geometry) {}

    /**
     * Checks the file and, if it is clean, writes its grids in this transaction and publishes {@link
     * GridsChanged}.
     *
     * @param file the file's name, used in messages
     * @throws ImportRejected listing every problem; nothing was written
     */
    @Transactional
    public GridImportSummary importGrids(String file, byte[] bytes) {
        String name = file == null || file.isBlank() ? "grids.geojson" : file;
        JsonNode features = features(name, bytes);
        // Serialise imports: the overlap check below must see the grids as they will be when this one commits.
        jdbc.sql("LOCK TABLE grid IN SHARE ROW EXCLUSIVE MODE").update();

        List<ImportError> errors = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Integer> firstFeatureOfCode = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            Candidate c = read(name, i, features.get(i), errors);
            if (c == null) {
                continue;
            }
            if (c.code() != null) {
                Integer first = firstFeatureOfCode.putIfAbsent(c.code(), i);
                if (first != null) {
                    errors.add(ImportError.ofFeature(
                            name,
                            i,
                            c.code(),
                            "code",
                            "code " + c.code() + " is already used by feature " + first
                                    + "; each grid may appear once"));
                }
            }
            candidates.add(c);
        }
        Map<String, Geometry> existing = existingGrids();
        checkInsideCounty(name, candidates, errors);
        checkOverlaps(name, candidates, existing, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(ImportError::feature, Comparator.nullsFirst(Comparator.naturalOrder())));
            throw new ImportRejected(errors);
        }
        return write(candidates, existing.keySet());
    }

    private JsonNode features(String file, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw rejected(file, null, "the file is empty");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw rejected(
                    file,
                    null,
                    "the file is not UTF-8 (it looks like GBK or another legacy encoding); GeoJSON must be UTF-8:"
                            + " save it as UTF-8 and import again");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw rejected(
                    file, null, "the file is not UTF-8 (it looks like UTF-16); save it as UTF-8 and import again");
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw rejected(file, null, "the file is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null
                || !root.isObject()
                || !"FeatureCollection".equals(root.path("type").asString(""))) {
            throw rejected(
                    file, "type", "the file must be a GeoJSON FeatureCollection (\"type\": \"FeatureCollection\")");
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw rejected(file, "features", "the FeatureCollection has no \"features\" array");
        }
        if (features.isEmpty()) {
            throw rejected(file, "features", "the FeatureCollection has no features: nothing to import");
        }
        return features;
    }

    private static ImportRejected rejected(String file, String field, String message) {
        return new ImportRejected(List.of(new ImportError(file, null, field, message)));
    }

    private Candidate read(String file, int i, JsonNode feature, List<ImportError> errors) {
        if (!feature.isObject() || !"Feature".equals(feature.path("type").asString(""))) {
            errors.add(ImportError.ofFeature(file, i, null, "type", "must be a GeoJSON Feature"));
            return null;
        }
        JsonNode props = feature.path("properties");
        if (!props.isObject()) {
            errors.add(ImportError.ofFeature(
                    file, i, null, "properties", "the feature has no properties (code, name, villageCode, type)"));
            return null;
        }
        String code = text(props.path("code"));
        if (code == null) {
            errors.add(ImportError.ofFeature(file, i, null, "code", "the grid code is missing"));
        } else if (!CODE.matcher(code).matches()) {
            errors.add(ImportError.ofFeature(
                    file,
                    i,
                    code,
                    "code",
                    "'" + code + "' is not a grid code: up to 40 letters, digits, '.', '_' or '-'"));
            code = null;
        }
        String name = text(props.path("name"));
        if (name == null) {
            errors.add(ImportError.ofFeature(file, i, code, "name", "the grid name is missing"));
        } else if (name.length() > MAX_NAME) {
            errors.add(ImportError.ofFeature(
                    file, i, code, "name", "the name is longer than " + MAX_NAME + " characters"));
            name = null;
        }
        String villageCode = village(file, i, code, props, errors);
        GridType type = type(file, i, code, props.path("type"), errors);
        Geometry geometry = geometry(file, i, code, feature.path("geometry"), errors);
        return new Candidate(i, code, name, villageCode, type, geometry);
    }

    private String village(String file, int i, String code, JsonNode props, List<ImportError> errors) {
        String field = props.has("villageCode") || !props.has("village_code") ? "villageCode" : "village_code";
        String villageCode = text(props.path(field));
        if (villageCode == null) {
            errors.add(
                    ImportError.ofFeature(file, i, code, "villageCode", "the village code (villageCode) is missing"));
            return null;
        }
        Optional<RegionView> village = regions.find(villageCode);
        if (village.isEmpty()) {
            errors.add(ImportError.ofFeature(
                    file, i, code, field, "unknown village " + villageCode + ": no such village or community 村/社区"));
            return null;
        }
        if (village.get().level() != RegionLevel.VILLAGE) {
            errors.add(ImportError.ofFeature(
                    file,
                    i,
                    code,
                    field,
                    villageCode + " " + village.get().name() + " is a "
                            + village.get().level().label() + ", not a village or community 村/社区"));
            return null;
        }
        return villageCode;
    }

    private static GridType type(String file, int i, String code, JsonNode node, List<ImportError> errors) {
        String value = text(node);
        if (value == null) {
            errors.add(ImportError.ofFeature(
                    file, i, code, "type", "the grid type is missing (URBAN/城市网格, RURAL/农村网格, DEDICATED/专属网格)"));
            return null;
        }
        for (GridType t : GridType.values()) {
            if (t.name().equals(value.toUpperCase(Locale.ROOT)) || t.label().equals(value)) {
                return t;
            }
        }
        errors.add(ImportError.ofFeature(
                file,
                i,
                code,
                "type",
                "unknown grid type '" + value + "': use URBAN/城市网格, RURAL/农村网格 or DEDICATED/专属网格"));
        return null;
    }

    private static Geometry geometry(String file, int i, String code, JsonNode node, List<ImportError> errors) {
        Geometry g;
        try {
            g = GeoJson.readPolygonal(node);
        } catch (GeoJson.InvalidGeoJson e) {
            errors.add(ImportError.ofFeature(file, i, code, "geometry", e.getMessage()));
            return null;
        } catch (RuntimeException e) { // JTS refuses some rings outright, e.g. with fewer than 3 distinct points
            errors.add(ImportError.ofFeature(file, i, code, "geometry", "not a polygon: " + e.getMessage()));
            return null;
        }
        TopologyValidationError invalid = new IsValidOp(g).getValidationError();
        if (invalid != null) {
            errors.add(ImportError.ofFeature(
                    file,
                    i,
                    code,
                    "geometry",
                    "the polygon is not valid: " + invalid.getMessage() + at(invalid.getCoordinate())
                            + "; redraw it so that its edges do not cross"));
            return null;
        }
        if (g.getArea() == 0) {
            errors.add(ImportError.ofFeature(file, i, code, "geometry", "the polygon has no area"));
            return null;
        }
        return g;
    }

    private static String at(Coordinate c) {
        return c == null ? "" : String.format(Locale.ROOT, " at (%.7f, %.7f)", c.x, c.y);
    }

    /** A string or an integer, trimmed; null when missing or blank. */
    private static String text(JsonNode node) {
        if (node.isString() || node.isIntegralNumber()) {
            String s = node.asString().trim();
            return s.isEmpty() ? null : s;
        }
        return null;
    }

    private void checkInsideCounty(String file, List<Candidate> candidates, List<ImportError> errors) {
        Map<String, PreparedGeometry> counties = new HashMap<>();
        for (Candidate c : candidates) {
            if (c.geometry() == null || c.villageCode() == null) {
                continue;
            }
            Optional<RegionView> county = regions.ancestorAt(c.villageCode(), RegionLevel.COUNTY);
            if (county.isEmpty()) {
                continue;
            }
            PreparedGeometry boundary = counties.computeIfAbsent(county.get().code(), this::countyBoundary);
            if (boundary == null || boundary.covers(c.geometry())) {
                continue;
            }
            Geometry inside = OverlayNGRobust.overlay(c.geometry(), boundary.getGeometry(), OverlayNG.INTERSECTION);
            double share = inside.getArea() / c.geometry().getArea();
            if (share < MIN_SHARE_INSIDE_COUNTY) {
                String where = county.get().name() + " (" + county.get().code() + "), the county of village "
                        + c.villageCode();
                errors.add(ImportError.ofFeature(
                        file,
                        c.feature(),
                        c.code(),
                        "geometry",
                        share == 0
                                ? "the grid lies outside " + where
                                : String.format(
                                        Locale.ROOT,
                                        "the grid lies partly outside %s: only %.1f %% of its area is inside",
                                        where,
                                        share * 100)));
            }
        }
    }

    /** The county's stored boundary, prepared; null when the county has none. */
    private PreparedGeometry countyBoundary(String county) {
        return jdbc.sql("SELECT boundary FROM region WHERE code = :c AND boundary IS NOT NULL")
                .param("c", county)
                .query(String.class)
                .optional()
                .map(b -> PreparedGeometryFactory.prepare(GeoJson.readPolygonal(json.readTree(b))))
                .orElse(null);
    }

    private void checkOverlaps(
            String file, List<Candidate> candidates, Map<String, Geometry> existing, List<ImportError> errors) {
        STRtree tree = new STRtree();
        Set<String> replaced = new HashSet<>();
        for (Candidate c : candidates) {
            if (c.code() != null) {
                replaced.add(c.code());
            }
            if (c.geometry() != null) {
                tree.insert(c.geometry().getEnvelopeInternal(), new Shape(c, c.code(), c.geometry()));
            }
        }
        existing.forEach((code, g) -> {
            if (!replaced.contains(code)) {
                tree.insert(g.getEnvelopeInternal(), new Shape(null, code, g));
            }
        });
        for (Candidate c : candidates) {
            if (c.geometry() == null) {
                continue;
            }
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(c.geometry());
            @SuppressWarnings("unchecked")
            List<Shape> near = tree.query(c.geometry().getEnvelopeInternal());
            near.sort(Comparator.comparing((Shape s) ->
                            s.candidate() == null ? -1 : s.candidate().feature())
                    .thenComparing(s -> s.code() == null ? "" : s.code()));
            for (Shape other : near) {
                // each pair within the file once, on the later feature
                if (other.candidate() != null && other.candidate().feature() >= c.feature()) {
                    continue;
                }
                if (!prepared.intersects(other.geometry())) {
                    continue;
                }
                Geometry overlap = OverlayNGRobust.overlay(c.geometry(), other.geometry(), OverlayNG.INTERSECTION);
                double m2 = GeoJson.areaSquareMetres(overlap);
                if (m2 > OVERLAP_TOLERANCE_M2 && meanWidthMetres(overlap) >= SLIVER_WIDTH_M) {
                    String whom = other.candidate() == null
                            ? "existing grid " + other.code()
                                    + " (not in this file, so not replaced: include it with its new boundary, or move"
                                    + " this one)"
                            : "grid " + (other.code() == null ? "" : other.code() + " ") + "of feature "
                                    + other.candidate().feature();
                    errors.add(ImportError.ofFeature(
                            file,
                            c.feature(),
                            c.code(),
                            "geometry",
                            String.format(
                                    Locale.ROOT,
                                    "the grid overlaps %s by %.0f m²%s",
                                    whom,
                                    m2,
                                    at(overlap.getInteriorPoint().getCoordinate()))));
                }
            }
        }
    }

    /** Twice the area over the perimeter: the width of a long thin sliver, in metres. */
    private static double meanWidthMetres(Geometry overlap) {
        double metresPerDegree = 111_319.49;
        double xScale = Math.cos(Math.toRadians(overlap.getCentroid().getY()));
        Geometry local = overlap.copy();
        local.apply((CoordinateFilter) c -> {
            c.x *= xScale * metresPerDegree;
            c.y *= metresPerDegree;
        });
        local.geometryChanged();
        return local.getLength() == 0 ? 0 : 2 * local.getArea() / local.getLength();
    }

    private Map<String, Geometry> existingGrids() {
        WKBReader wkb = new WKBReader(GeoJson.FACTORY);
        Map<String, Geometry> out = new LinkedHashMap<>();
        jdbc.sql("SELECT code, geometry FROM grid ORDER BY code").query(rs -> {
            try {
                out.put(rs.getString(1), wkb.read(rs.getBytes(2)));
            } catch (ParseException e) {
                throw new IllegalStateException("stored grid " + rs.getString(1) + " has a broken geometry", e);
            }
        });
        return out;
    }

    private GridImportSummary write(List<Candidate> candidates, Set<String> existingCodes) {
        WKBWriter wkb = new WKBWriter();
        MapSqlParameterSource[] rows = new MapSqlParameterSource[candidates.size()];
        int created = 0;
        for (int i = 0; i < rows.length; i++) {
            Candidate c = candidates.get(i);
            if (!existingCodes.contains(c.code())) {
                created++;
            }
            rows[i] = new MapSqlParameterSource()
                    .addValue("code", c.code())
                    .addValue("name", c.name())
                    .addValue("village", c.villageCode())
                    .addValue("type", c.type().name())
                    .addValue("geometry", wkb.write(c.geometry()))
                    .addValue("area", GeoJson.areaSquareMetres(c.geometry()));
        }
        batch.batchUpdate("""
                INSERT INTO grid (code, name, village_code, type, geometry, area_m2, generated, updated_at)
                VALUES (:code, :name, :village, :type, :geometry, :area, FALSE, now())
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, village_code = EXCLUDED.village_code,
                    type = EXCLUDED.type, geometry = EXCLUDED.geometry, area_m2 = EXCLUDED.area_m2,
                    generated = FALSE, updated_at = now()
                """, rows);
        int total = existingCodes.size() + created;
        events.publishEvent(new GridsChanged(total));
        return new GridImportSummary(rows.length, created, rows.length - created, total);
    }
}
