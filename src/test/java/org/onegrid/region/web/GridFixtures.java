package org.onegrid.region.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.shared.geo.GeoJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Grids for the API tests, drawn in a patch of 东营区 (370502) around (118.61, 37.415), and the client that calls
 * the API.
 *
 * <p>Every test grid's code starts with {@code T-}. Whatever grids the application itself holds in the patch
 * (the demo city's generated grids) are set aside before a test class and put back after it, so the tests own
 * the patch without depending on whether demo grids exist.
 */
final class GridFixtures {

    static final String VILLAGE = "370502001011"; // 东营社区居委会, 文汇街道, 东营区
    static final String OTHER_VILLAGE = "370502001013"; // 中王屋社区居委会
    static final String TOWN = "370502001";

    /** The patch the tests draw in, well inside 东营区. */
    static final Envelope PATCH = new Envelope(118.58, 118.66, 37.39, 37.44);

    private GridFixtures() {}

    /**
     * The client every API test uses, and the one place that says who calls: an administrator (imports need
     * ADMIN), with a CSRF token for the POSTs.
     */
    static MockMvc api(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .defaultRequest(get("/").with(user("test-admin").roles("ADMIN")).with(csrf()))
                .build();
    }

    /** A GeoJSON Feature for a grid: a square of {@code side} degrees with its south-west corner at (x, y). */
    static String square(String code, String village, String type, double x, double y, double side) {
        return feature(code, village, type, polygon(x, y, x + side, y, x + side, y + side, x, y + side, x, y));
    }

    static String feature(String code, String village, String type, String geometry) {
        return """
                {"type":"Feature","properties":{"code":"%s","name":"测试网格%s","villageCode":"%s","type":"%s"},"geometry":%s}""".formatted(code, code, village, type, geometry);
    }

    /** A Polygon of one ring through the given x, y pairs. */
    static String polygon(double... xy) {
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            positions.add(String.format(Locale.ROOT, "[%.10f,%.10f]", xy[i], xy[i + 1]));
        }
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + String.join(",", positions) + "]]}";
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    /** Rows of the application's own grids that were in the patch, to be put back. */
    record SetAside(List<Map<String, Object>> rows) {}

    /** Removes the application's grids that touch the patch, and any test grid left behind. */
    static SetAside clearPatch(JdbcClient jdbc, Grids grids) {
        Geometry patch = GeoJson.FACTORY.toGeometry(PATCH);
        List<String> codes = grids.all().stream()
                .map(GridView::code)
                .filter(c -> !c.startsWith("T-"))
                .filter(c -> grids.geometry(c).orElseThrow().intersects(patch))
                .toList();
        List<Map<String, Object>> rows = codes.isEmpty()
                ? List.of()
                : jdbc.sql("SELECT * FROM grid WHERE code IN (:codes)")
                        .param("codes", codes)
                        .query()
                        .listOfRows();
        if (!codes.isEmpty()) {
            jdbc.sql("DELETE FROM grid WHERE code IN (:codes)")
                    .param("codes", codes)
                    .update();
        }
        removeTestGrids(jdbc, grids);
        return new SetAside(rows);
    }

    static void removeTestGrids(JdbcClient jdbc, Grids grids) {
        jdbc.sql("DELETE FROM grid WHERE code LIKE 'T-%'").update();
        grids.refresh();
    }

    static void restore(JdbcClient jdbc, Grids grids, SetAside setAside) {
        jdbc.sql("DELETE FROM grid WHERE code LIKE 'T-%'").update();
        for (Map<String, Object> row : setAside.rows()) {
            jdbc.sql("""
                    INSERT INTO grid (code, name, village_code, type, geometry, area_m2, generated, updated_at)
                    VALUES (:code, :name, :village_code, :type, :geometry, :area_m2, :generated, :updated_at)
                    """).params(row).update();
        }
        grids.refresh();
    }
}
