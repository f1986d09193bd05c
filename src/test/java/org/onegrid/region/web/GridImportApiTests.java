package org.onegrid.region.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.onegrid.region.web.GridFixtures.OTHER_VILLAGE;
import static org.onegrid.region.web.GridFixtures.TOWN;
import static org.onegrid.region.web.GridFixtures.VILLAGE;
import static org.onegrid.region.web.GridFixtures.collection;
import static org.onegrid.region.web.GridFixtures.feature;
import static org.onegrid.region.web.GridFixtures.polygon;
import static org.onegrid.region.web.GridFixtures.square;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onegrid.IntegrationTest;
import org.onegrid.region.Grids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Importing grids from GeoJSON through the API: all or nothing, every problem reported per feature. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GridImportApiTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Grids grids;

    @Autowired
    ObjectMapper json;

    MockMvc api;
    GridFixtures.SetAside setAside;

    @BeforeAll
    void takeThePatch() {
        api = GridFixtures.api(context);
        setAside = GridFixtures.clearPatch(jdbc, grids);
    }

    @BeforeEach
    void emptyPatch() {
        GridFixtures.removeTestGrids(jdbc, grids);
    }

    @AfterAll
    void putBackTheApplicationsGrids() {
        GridFixtures.restore(jdbc, grids, setAside);
    }

    private ResultActions upload(String geojson) throws Exception {
        return upload(geojson.getBytes(StandardCharsets.UTF_8));
    }

    private ResultActions upload(byte[] bytes) throws Exception {
        return api.perform(multipart("/api/v1/grids/import")
                .file(new MockMultipartFile("file", "grids.geojson", "application/geo+json", bytes)));
    }

    private int testGridsStored() {
        return jdbc.sql("SELECT count(*) FROM grid WHERE code LIKE 'T-%'")
                .query(Integer.class)
                .single();
    }

    private String locatedGrid(double lng, double lat) {
        return grids.locate(lng, lat).map(l -> l.grid().code()).orElse(null);
    }

    /** The problem's errors, each as feature index, code, field (absent members as null). */
    private List<Map<String, Object>> errors(ResultActions result) throws Exception {
        JsonNode problem = json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        return problem.path("errors")
                .valueStream()
                .map(e -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("feature", e.has("feature") ? e.get("feature").asInt() : null);
                    m.put("code", e.has("code") ? e.get("code").asString() : null);
                    m.put("field", e.has("field") ? e.get("field").asString() : null);
                    m.put("message", e.get("message").asString());
                    return m;
                })
                .toList();
    }

    @Test
    void aCleanFileIsImportedAndTheIndexFindsItsGridsAtOnce() throws Exception {
        int before = grids.count();

        upload(collection(
                        square("T-I-1", VILLAGE, "URBAN", 118.60, 37.40, 0.01),
                        square("T-I-2", OTHER_VILLAGE, "RURAL", 118.61, 37.40, 0.01)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.replaced").value(0))
                .andExpect(jsonPath("$.total").value(before + 2));

        assertThat(grids.count()).isEqualTo(before + 2);
        assertThat(locatedGrid(118.605, 37.405)).isEqualTo("T-I-1");
        assertThat(locatedGrid(118.615, 37.405)).isEqualTo("T-I-2");
        api.perform(get("/api/v1/grids/locate").param("lng", "118.615").param("lat", "37.405"))
                .andExpect(jsonPath("$.grid.code").value("T-I-2"))
                .andExpect(jsonPath("$.grid.type").value("RURAL"));
    }

    @Test
    void aFileMayAlsoBeSentAsTheRequestBodyWithChineseTypesAndSnakeCaseVillageCodes() throws Exception {
        String grid = """
                {"type":"Feature","properties":{"code":"T-B-1","name":"油田专属网格","village_code":"%s","type":"专属网格"},
                 "geometry":%s}""".formatted(VILLAGE, polygon(118.62, 37.42, 118.63, 37.42, 118.63, 37.43, 118.62, 37.42));

        api.perform(post("/api/v1/grids/import")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(collection(grid)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));

        assertThat(grids.find("T-B-1")).hasValueSatisfying(g -> {
            assertThat(g.villageCode()).isEqualTo(VILLAGE);
            assertThat(g.type().label()).isEqualTo("专属网格");
        });
    }

    @Test
    void anImportReplacesTheGridsWithTheSameCodeAndKeepsTheOthers() throws Exception {
        upload(collection(
                        square("T-U-1", VILLAGE, "URBAN", 118.60, 37.40, 0.01),
                        square("T-U-2", VILLAGE, "URBAN", 118.61, 37.40, 0.01)))
                .andExpect(status().isOk());

        // T-U-1 moves north and changes village; it may take the place it left, T-U-2 stays
        upload(collection(
                        square("T-U-1", OTHER_VILLAGE, "RURAL", 118.60, 37.41, 0.01),
                        square("T-U-3", VILLAGE, "URBAN", 118.60, 37.40, 0.01)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.replaced").value(1));

        assertThat(locatedGrid(118.605, 37.415)).isEqualTo("T-U-1");
        assertThat(locatedGrid(118.605, 37.405)).isEqualTo("T-U-3");
        assertThat(locatedGrid(118.615, 37.405)).isEqualTo("T-U-2");
        assertThat(grids.find("T-U-1").orElseThrow().villageCode()).isEqualTo(OTHER_VILLAGE);
    }

    @Test
    void anImportWithOneSelfIntersectingGridImportsNothing() throws Exception {
        int before = grids.count();
        String bowTie = polygon(118.62, 37.40, 118.63, 37.41, 118.63, 37.40, 118.62, 37.41, 118.62, 37.40);

        ResultActions result = upload(collection(
                        square("T-S-1", VILLAGE, "URBAN", 118.60, 37.40, 0.01),
                        square("T-S-2", VILLAGE, "URBAN", 118.61, 37.40, 0.01),
                        feature("T-S-3", VILLAGE, "URBAN", bowTie)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(endsWith("/import-rejected")))
                .andExpect(jsonPath("$.detail").value(containsString("nothing was imported")))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].file").value("grids.geojson"))
                .andExpect(jsonPath("$.errors[0].feature").value(2))
                .andExpect(jsonPath("$.errors[0].code").value("T-S-3"))
                .andExpect(jsonPath("$.errors[0].field").value("geometry"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("Self-intersection at (118.625")));

        assertThat(errors(result)).hasSize(1);
        assertThat(testGridsStored()).isZero();
        assertThat(grids.count()).isEqualTo(before);
        assertThat(locatedGrid(118.605, 37.405)).isNull();
    }

    @Test
    void everyProblemOfEveryFeatureIsReportedWithItsIndexCodeAndField() throws Exception {
        String bad = collection(
                /* 0 */ square("T-E-0", VILLAGE, "URBAN", 118.60, 37.40, 0.01), // good
                /* 1 */ square("T-E-0", VILLAGE, "URBAN", 118.61, 37.40, 0.01), // code used twice
                /* 2 */ "{\"type\":\"Feature\",\"properties\":{\"name\":\"无编码\",\"villageCode\":\"" + VILLAGE
                        + "\",\"type\":\"URBAN\"},\"geometry\":"
                        + polygon(118.62, 37.40, 118.63, 37.40, 118.63, 37.41, 118.62, 37.40)
                        + "}", // no code
                /* 3 */ square("T-E-3", "370502999999", "URBAN", 118.60, 37.41, 0.005), // unknown village
                /* 4 */ square("T-E-4", TOWN, "URBAN", 118.61, 37.41, 0.005), // a town, not a village
                /* 5 */ square("T-E-5", VILLAGE, "SUBURBAN", 118.62, 37.41, 0.005), // unknown type
                /* 6 */ feature("T-E-6", VILLAGE, "URBAN", "{\"type\":\"Point\",\"coordinates\":[118.6,37.4]}"),
                /* 7 */ square("T-E-7", VILLAGE, "URBAN", 119.40, 37.90, 0.01), // in the sea, not in 东营区
                /* 8 */ square("T-E-8", VILLAGE, "URBAN", 118.605, 37.405, 0.002), // inside feature 0
                /* 9 */ "[1, 2]");

        ResultActions result = upload(bad).andExpect(status().isBadRequest());

        List<Map<String, Object>> errors = errors(result);
        assertThat(errors)
                .extracting(e -> e.get("feature"), e -> e.get("code"), e -> e.get("field"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "T-E-0", "code"),
                        org.assertj.core.groups.Tuple.tuple(2, null, "code"),
                        org.assertj.core.groups.Tuple.tuple(3, "T-E-3", "villageCode"),
                        org.assertj.core.groups.Tuple.tuple(4, "T-E-4", "villageCode"),
                        org.assertj.core.groups.Tuple.tuple(5, "T-E-5", "type"),
                        org.assertj.core.groups.Tuple.tuple(6, "T-E-6", "geometry"),
                        org.assertj.core.groups.Tuple.tuple(7, "T-E-7", "geometry"),
                        org.assertj.core.groups.Tuple.tuple(8, "T-E-8", "geometry"),
                        org.assertj.core.groups.Tuple.tuple(9, null, "type"));
        assertThat(errors)
                .extracting(e -> (String) e.get("message"))
                .satisfiesExactly(
                        m -> assertThat(m).contains("already used by feature 0"),
                        m -> assertThat(m).contains("code is missing"),
                        m -> assertThat(m).contains("unknown village 370502999999"),
                        m -> assertThat(m).contains("is a 乡镇街道, not a village"),
                        m -> assertThat(m).contains("unknown grid type 'SUBURBAN'"),
                        m -> assertThat(m).contains("must be Polygon or MultiPolygon, not 'Point'"),
                        m -> assertThat(m).contains("lies outside 东营区 (370502)"),
                        m -> assertThat(m)
                                .contains("overlaps grid T-E-0 of feature 0 by")
                                .contains("m²"),
                        m -> assertThat(m).contains("must be a GeoJSON Feature"));
        assertThat(testGridsStored()).isZero();
    }

    @Test
    void aGridOverlappingAnExistingGridItDoesNotReplaceIsRejected() throws Exception {
        upload(collection(square("T-O-1", VILLAGE, "URBAN", 118.60, 37.40, 0.01)))
                .andExpect(status().isOk());

        upload(collection(
                        square("T-O-2", VILLAGE, "URBAN", 118.605, 37.40, 0.01),
                        // touching T-O-1 along its eastern edge is fine
                        square("T-O-3", VILLAGE, "URBAN", 118.61, 37.42, 0.01)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].feature").value(0))
                .andExpect(jsonPath("$.errors[0].code").value("T-O-2"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("overlaps existing grid T-O-1")));

        assertThat(grids.find("T-O-2")).isEmpty();
        assertThat(grids.find("T-O-3")).isEmpty();
        assertThat(locatedGrid(118.609, 37.405)).isEqualTo("T-O-1");
    }

    @Test
    void aSmallOverlapOrARoundingSliverAlongASharedEdgeIsNoOverlap() throws Exception {
        upload(collection(
                        square("T-T-1", VILLAGE, "URBAN", 118.60, 37.40, 0.01),
                        // its western edge bulges 1e-8° (1 mm) into T-T-1 over 0.01° (1 km): half a square metre
                        feature(
                                "T-T-2",
                                VILLAGE,
                                "URBAN",
                                polygon(
                                        118.61,
                                        37.40,
                                        118.62,
                                        37.40,
                                        118.62,
                                        37.41,
                                        118.61,
                                        37.41,
                                        118.60999999,
                                        37.405,
                                        118.61,
                                        37.40)),
                        // its southern edge lies 1e-7° (1 cm) inside T-T-1 for 0.01° (900 m): 10 m², but 1 cm wide
                        square("T-T-3", VILLAGE, "URBAN", 118.60, 37.4099999, 0.01)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(3));
    }

    @Test
    void aFileThatIsNotAFeatureCollectionIsRejectedAsAWhole() throws Exception {
        upload("this is not JSON")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("not valid JSON")));
        upload("{\"type\":\"Feature\",\"properties\":{}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"))
                .andExpect(
                        jsonPath("$.errors[0].message").value(containsString("must be a GeoJSON FeatureCollection")));
        upload("{\"type\":\"FeatureCollection\",\"features\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("no features")));
        upload(new byte[0])
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("the file is empty"));
        api.perform(post("/api/v1/grids/import").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("the file is empty"));
    }

    @Test
    void aGbkEncodedFileIsRejectedWithAClearMessage() throws Exception {
        byte[] gbk = collection(square("T-G-1", VILLAGE, "城市网格", 118.60, 37.40, 0.01))
                .getBytes(Charset.forName("GBK"));

        upload(gbk)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("not UTF-8")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("GBK")));
        assertThat(testGridsStored()).isZero();
    }
}
