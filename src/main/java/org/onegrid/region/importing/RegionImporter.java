package org.onegrid.region.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionsImported;
import org.onegrid.shared.geo.GeoJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports a city's region tree. The whole input is checked first and every problem is reported; only a
 * clean input is written, in one transaction, so a rejected import leaves the database as it was.
 */
@Component
public class RegionImporter {

    private static final Logger log = LoggerFactory.getLogger(RegionImporter.class);
    private static final Pattern CITY = Pattern.compile("\\d{4}");
    private static final Pattern AREA = Pattern.compile("\\d{6}");
    private static final Pattern STREET = Pattern.compile("\\d{9}");
    private static final Pattern VILLAGE = Pattern.compile("\\d{12}");

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    RegionImporter(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** What an import wrote. */
    public record ImportSummary(String cityCode, String cityName, int counties, int towns, int villages) {}

    private record Node(
            String code,
            String name,
            RegionLevel level,
            String parent,
            String zoneCode,
            String zoneName,
            Geometry boundary) {}

    @Transactional
    public ImportSummary importCity(CityDivisionFiles files) {
        List<ImportError> errors = new ArrayList<>();
        String city = files.cityCode() == null ? "" : files.cityCode().trim();
        if (!CITY.matcher(city).matches()) {
            throw new ImportRejected(List.of(new ImportError("cityCode", null, "cityCode", "must be 4 digits")));
        }
        Map<String, Node> nodes = new LinkedHashMap<>();

        Csv.Parsed cities = Csv.parse("cities.csv", files.cities(), List.of("code", "name", "provinceCode"));
        errors.addAll(cities.errors());
        cities.rows().stream()
                .filter(r -> r.get(0).equals(city))
                .findFirst()
                .ifPresent(r -> nodes.put(city, new Node(city, r.get(1), RegionLevel.CITY, null, null, null, null)));
        if (cities.errors().isEmpty() && !nodes.containsKey(city)) {
            errors.add(new ImportError("cities.csv", null, "code", "city " + city + " is not in the file"));
        }

        Map<String, Geometry> boundaries = readBoundaries(files.boundaries(), errors);
        Map<String, String> zoneHosts = files.zoneHosts() == null ? Map.of() : files.zoneHosts();
        Map<String, String> zoneNames = new HashMap<>();

        Csv.Parsed areas = Csv.parse("areas.csv", files.areas(), List.of("code", "name", "cityCode", "provinceCode"));
        errors.addAll(areas.errors());
        List<Csv.Row> zoneRows = new ArrayList<>();
        for (Csv.Row r : areas.rows()) {
            if (!r.get(2).equals(city)) {
                continue;
            }
            if (!codeOk("areas.csv", r, 0, AREA, city, errors) || !nameOk("areas.csv", r, errors)) {
                continue;
            }
            String code = r.get(0);
            if (boundaries.containsKey(code)) {
                putUnique(
                        nodes,
                        new Node(code, r.get(1), RegionLevel.COUNTY, city, null, null, boundaries.get(code)),
                        "areas.csv",
                        r,
                        errors);
            } else {
                zoneRows.add(r);
            }
        }
        for (Csv.Row r : zoneRows) {
            String code = r.get(0);
            String host = zoneHosts.get(code);
            if (host == null) {
                errors.add(
                        new ImportError(
                                "areas.csv",
                                r.line(),
                                "code",
                                "area " + code + " " + r.get(1)
                                        + " has no boundary in the GeoJSON; if it is a functional zone, name the county it lies in"));
            } else if (!nodes.containsKey(host) || nodes.get(host).level() != RegionLevel.COUNTY) {
                errors.add(new ImportError(
                        "zones",
                        null,
                        code,
                        "host county " + host + " of zone " + code + " is not a county of the city with a boundary"));
            } else {
                zoneNames.put(code, r.get(1));
            }
        }
        for (String featureCode : boundaries.keySet()) {
            if (!nodes.containsKey(featureCode)) {
                errors.add(new ImportError(
                        "boundaries.geojson",
                        null,
                        "id",
                        "feature " + featureCode + " is not a county of city " + city + " in areas.csv"));
            }
        }

        Csv.Parsed streets = Csv.parse(
                "streets.csv", files.streets(), List.of("code", "name", "areaCode", "provinceCode", "cityCode"));
        errors.addAll(streets.errors());
        for (Csv.Row r : streets.rows()) {
            if (!r.get(4).equals(city)) {
                continue;
            }
            if (!codeOk("streets.csv", r, 0, STREET, r.get(2), errors) || !nameOk("streets.csv", r, errors)) {
                continue;
            }
            String area = r.get(2);
            if (zoneNames.containsKey(area)) {
                putUnique(
                        nodes,
                        new Node(
                                r.get(0),
                                r.get(1),
                                RegionLevel.TOWN,
                                zoneHosts.get(area),
                                area,
                                zoneNames.get(area),
                                null),
                        "streets.csv",
                        r,
                        errors);
            } else if (nodes.containsKey(area) && nodes.get(area).level() == RegionLevel.COUNTY) {
                putUnique(
                        nodes,
                        new Node(r.get(0), r.get(1), RegionLevel.TOWN, area, null, null, null),
                        "streets.csv",
                        r,
                        errors);
            } else {
                errors.add(new ImportError("streets.csv", r.line(), "areaCode", "unknown area " + area));
            }
        }

        Csv.Parsed villages = Csv.parse(
                "villages.csv",
                files.villages(),
                List.of("code", "name", "streetCode", "provinceCode", "cityCode", "areaCode"));
        errors.addAll(villages.errors());
        for (Csv.Row r : villages.rows()) {
            if (!r.get(4).equals(city)) {
                continue;
            }
            if (!codeOk("villages.csv", r, 0, VILLAGE, r.get(2), errors) || !nameOk("villages.csv", r, errors)) {
                continue;
            }
            Node town = nodes.get(r.get(2));
            if (town == null || town.level() != RegionLevel.TOWN) {
                errors.add(new ImportError("villages.csv", r.line(), "streetCode", "unknown town/street " + r.get(2)));
            } else {
                putUnique(
                        nodes,
                        new Node(r.get(0), r.get(1), RegionLevel.VILLAGE, town.code(), null, null, null),
                        "villages.csv",
                        r,
                        errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        return write(city, nodes);
    }

    private ImportSummary write(String city, Map<String, Node> nodes) {
        Map<String, String> paths = new HashMap<>();
        List<Geometry> counties = new ArrayList<>();
        int[] counts = new int[RegionLevel.values().length];
        for (Node n : nodes.values()) {
            String path = (n.parent() == null ? "/" : paths.get(n.parent())) + n.code() + "/";
            paths.put(n.code(), path);
            counts[n.level().ordinal()]++;
            Geometry boundary = n.boundary();
            if (n.level() == RegionLevel.COUNTY) {
                counties.add(boundary);
            }
            if (n.level() == RegionLevel.CITY) {
                boundary = null; // set below, once the counties are known
            }
            Point center = boundary == null ? null : boundary.getInteriorPoint();
            jdbc.sql("""
                    INSERT INTO region (code, name, level, parent_code, path, zone_code, zone_name, boundary, center_lng, center_lat)
                    VALUES (:code, :name, :level, :parent, :path, :zone, :zoneName, :boundary, :lng, :lat)
                    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
                        parent_code = EXCLUDED.parent_code, path = EXCLUDED.path, zone_code = EXCLUDED.zone_code,
                        zone_name = EXCLUDED.zone_name, boundary = EXCLUDED.boundary,
                        center_lng = EXCLUDED.center_lng, center_lat = EXCLUDED.center_lat, imported_at = now()
                    """)
                    .param("code", n.code())
                    .param("name", n.name())
                    .param("level", n.level().name())
                    .param("parent", n.parent())
                    .param("path", path)
                    .param("zone", n.zoneCode())
                    .param("zoneName", n.zoneName())
                    .param("boundary", boundary == null ? null : json.writeValueAsString(GeoJson.write(boundary)))
                    .param("lng", center == null ? null : center.getX())
                    .param("lat", center == null ? null : center.getY())
                    .update();
        }
        Geometry cityShape = UnaryUnionOp.union(counties);
        Point c = cityShape.getInteriorPoint();
        jdbc.sql("UPDATE region SET boundary = :b, center_lng = :lng, center_lat = :lat WHERE code = :code")
                .param("b", json.writeValueAsString(GeoJson.write(cityShape)))
                .param("lng", c.getX())
                .param("lat", c.getY())
                .param("code", city)
                .update();
        events.publishEvent(new RegionsImported(city, nodes.size()));
        return new ImportSummary(
                city,
                nodes.get(city).name(),
                counts[RegionLevel.COUNTY.ordinal()],
                counts[RegionLevel.TOWN.ordinal()],
                counts[RegionLevel.VILLAGE.ordinal()]);
    }

    private Map<String, Geometry> readBoundaries(byte[] bytes, List<ImportError> errors) {
        String file = "boundaries.geojson";
        Map<String, Geometry> out = new LinkedHashMap<>();
        if (bytes == null || bytes.length == 0) {
            errors.add(new ImportError(file, null, null, "the file is empty"));
            return out;
        }
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JacksonException e) {
            errors.add(new ImportError(file, null, null, "not valid JSON: " + e.getOriginalMessage()));
            return out;
        }
        if (!"FeatureCollection".equals(root.path("type").asString(""))
                || !root.path("features").isArray()) {
            errors.add(new ImportError(file, null, "type", "must be a GeoJSON FeatureCollection"));
            return out;
        }
        int i = 0;
        for (JsonNode feature : root.path("features")) {
            i++;
            String code = featureCode(feature);
            if (code == null || !AREA.matcher(code).matches()) {
                errors.add(
                        new ImportError(file, i, "id", "feature needs a 6-digit county code as id or properties.code"));
                continue;
            }
            try {
                Geometry g = GeoJson.readPolygonal(feature.path("geometry"));
                TopologyValidationError invalid = new IsValidOp(g).getValidationError();
                if (invalid != null) {
                    // Published county outlines are simplified and often cross themselves where two vertices
                    // were snapped together; repairing keeps the area and makes the polygon usable.
                    log.info(
                            "county {} boundary repaired: {} at {}",
                            code,
                            invalid.getMessage(),
                            invalid.getCoordinate());
                    g = GeometryFixer.fix(g);
                }
                if (out.put(code, g) != null) {
                    errors.add(new ImportError(file, i, "id", "county " + code + " appears twice"));
                }
            } catch (GeoJson.InvalidGeoJson e) {
                errors.add(new ImportError(file, i, "geometry", "county " + code + ": " + e.getMessage()));
            }
        }
        if (i == 0) {
            errors.add(new ImportError(file, null, "features", "the collection has no features"));
        }
        return disjoint(out);
    }

    /**
     * Neighbouring outlines simplified independently overlap along their common border. Every point must lie in
     * exactly one county, so each county gives up what an earlier one (by code) already covers.
     */
    private static Map<String, Geometry> disjoint(Map<String, Geometry> counties) {
        Map<String, Geometry> out = new LinkedHashMap<>();
        Geometry covered = null;
        for (Map.Entry<String, Geometry> e : new java.util.TreeMap<>(counties).entrySet()) {
            Geometry g = covered == null ? e.getValue() : e.getValue().difference(covered);
            g = polygonalPart(g);
            out.put(e.getKey(), g);
            covered = covered == null ? g : covered.union(g);
        }
        return out;
    }

    /** Drops the lines and points an overlay can leave behind. */
    private static Geometry polygonalPart(Geometry g) {
        List<org.locationtech.jts.geom.Polygon> polys = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof org.locationtech.jts.geom.Polygon p && !p.isEmpty()) {
                polys.add(p);
            }
        }
        return polys.size() == 1
                ? polys.get(0)
                : GeoJson.FACTORY.createMultiPolygon(polys.toArray(new org.locationtech.jts.geom.Polygon[0]));
    }

    private static String featureCode(JsonNode feature) {
        for (JsonNode candidate : List.of(
                feature.path("id"),
                feature.path("properties").path("code"),
                feature.path("properties").path("adcode"))) {
            if (candidate.isString() || candidate.isNumber()) {
                return candidate.asString();
            }
        }
        return null;
    }

    private static boolean codeOk(
            String file, Csv.Row r, int column, Pattern format, String parentPrefix, List<ImportError> errors) {
        String code = r.get(column);
        if (!format.matcher(code).matches()) {
            errors.add(new ImportError(file, r.line(), "code", "'" + code + "' is not a valid code here"));
            return false;
        }
        if (!code.startsWith(parentPrefix)) {
            errors.add(new ImportError(
                    file, r.line(), "code", "code " + code + " does not start with its parent's code " + parentPrefix));
            return false;
        }
        return true;
    }

    private static boolean nameOk(String file, Csv.Row r, List<ImportError> errors) {
        if (r.get(1).isBlank()) {
            errors.add(new ImportError(file, r.line(), "name", "the name is empty"));
            return false;
        }
        return true;
    }

    private static void putUnique(
            Map<String, Node> nodes, Node node, String file, Csv.Row r, List<ImportError> errors) {
        if (nodes.putIfAbsent(node.code(), node) != null) {
            errors.add(new ImportError(file, r.line(), "code", "code " + node.code() + " appears twice"));
        }
    }
}
