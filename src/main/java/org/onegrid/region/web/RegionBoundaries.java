package org.onegrid.region.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Stored boundaries as GeoJSON features, for maps. */
@Component
class RegionBoundaries {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Regions regions;

    RegionBoundaries(JdbcClient jdbc, ObjectMapper json, Regions regions) {
        this.jdbc = jdbc;
        this.json = json;
        this.regions = regions;
    }

    /**
     * The region's children that have a boundary, or the region itself when none of them has one; only those
     * {@code shown} lets through (the caller's scope).
     */
    Map<String, Object> featureCollection(String code, Predicate<RegionView> shown) {
        List<Map<String, Object>> features = features(
                "SELECT code, name, level, boundary, center_lng, center_lat FROM region WHERE parent_code = :c AND boundary IS NOT NULL ORDER BY code",
                code);
        if (features.isEmpty()) {
            features = features(
                    "SELECT code, name, level, boundary, center_lng, center_lat FROM region WHERE code = :c AND boundary IS NOT NULL",
                    code);
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put(
                "features",
                features.stream()
                        .filter(f ->
                                regions.find((String) f.get("id")).filter(shown).isPresent())
                        .toList());
        return fc;
    }

    private List<Map<String, Object>> features(String sql, String code) {
        return jdbc.sql(sql)
                .param("c", code)
                .query((rs, n) -> {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("type", "Feature");
                    f.put("id", rs.getString("code"));
                    f.put(
                            "properties",
                            Map.of(
                                    "code", rs.getString("code"),
                                    "name", rs.getString("name"),
                                    "level", rs.getString("level"),
                                    "center", new double[] {rs.getDouble("center_lng"), rs.getDouble("center_lat")}));
                    f.put("geometry", json.readTree(rs.getString("boundary")));
                    return f;
                })
                .list();
    }
}
