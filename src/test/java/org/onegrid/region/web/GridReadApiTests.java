package org.onegrid.region.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.onegrid.region.web.GridFixtures.OTHER_VILLAGE;
import static org.onegrid.region.web.GridFixtures.TOWN;
import static org.onegrid.region.web.GridFixtures.VILLAGE;
import static org.onegrid.region.web.GridFixtures.collection;
import static org.onegrid.region.web.GridFixtures.square;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onegrid.IntegrationTest;
import org.onegrid.region.Grids;
import org.onegrid.region.importing.GridImporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/** Locating a point, and reading grids as GeoJSON, through the API. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GridReadApiTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Grids grids;

    @Autowired
    GridImporter importer;

    MockMvc api;
    GridFixtures.SetAside setAside;

    /** Two grids side by side sharing the edge lng = 118.61, and a third one north of them. */
    @BeforeAll
    void drawTestGrids() {
        api = GridFixtures.api(context);
        setAside = GridFixtures.clearPatch(jdbc, grids);
        importer.importGrids(
                "fixture.geojson",
                collection(
                                square("T-R-2", VILLAGE, "URBAN", 118.61, 37.40, 0.01),
                                square("T-R-1", VILLAGE, "城市网格", 118.60, 37.40, 0.01),
                                square("T-R-3", OTHER_VILLAGE, "DEDICATED", 118.6012346, 37.41, 0.01))
                        .getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    void putBackTheApplicationsGrids() {
        GridFixtures.restore(jdbc, grids, setAside);
    }

    private ResultActions locate(String lng, String lat) throws Exception {
        return api.perform(get("/api/v1/grids/locate").param("lng", lng).param("lat", lat));
    }

    @Test
    void aPointInAGridIsLocatedWithItsVillageTownCountyAndCity() throws Exception {
        locate("118.605", "37.405")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grid.code").value("T-R-1"))
                .andExpect(jsonPath("$.grid.name").value("测试网格T-R-1"))
                .andExpect(jsonPath("$.grid.type").value("URBAN"))
                .andExpect(jsonPath("$.village.code").value(VILLAGE))
                .andExpect(jsonPath("$.village.name").value("东营社区居委会"))
                .andExpect(jsonPath("$.town.code").value(TOWN))
                .andExpect(jsonPath("$.county.code").value("370502"))
                .andExpect(jsonPath("$.county.name").value("东营区"))
                .andExpect(jsonPath("$.city.code").value("3705"))
                .andExpect(jsonPath("$.city.name").value("东营市"));
        locate("118.615", "37.405").andExpect(jsonPath("$.grid.code").value("T-R-2"));
    }

    @Test
    void aPointOnTheEdgeBetweenTwoGridsAlwaysGoesToTheOneWhoseCodeSortsFirst() throws Exception {
        for (int i = 0; i < 3; i++) {
            locate("118.61", "37.405").andExpect(jsonPath("$.grid.code").value("T-R-1"));
        }
    }

    @Test
    void aPointOutsideTheCityIsOutsideJurisdictionNeverARandomGrid() throws Exception {
        locate("116.397", "39.909") // 天安门
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(endsWith("/outside-jurisdiction")))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail")
                        .value("(116.397, 39.909) lies outside the jurisdiction of 东营市 — no grid covers it"));
        locate("119.6", "38.1").andExpect(status().isNotFound()); // the Bohai Sea off the city's coast
    }

    @ParameterizedTest(name = "lng={0} lat={1} → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "        |37.4    |lng|lng is required",
                "118.5   |        |lat|lat is required",
                "east    |37.4    |lng|lng must be a number",
                "118.5   |37,4    |lat|lat must be a number",
                "0x1p7   |37.4    |lng|lng must be a number",
                "NaN     |37.4    |lng|lng must be a finite number",
                "118.5   |Infinity|lat|lat must be a finite number",
                "1e999   |37.4    |lng|lng must be a finite number",
                "181     |37.4    |lng|lng must be a longitude between -180 and 180",
                "-180.5  |37.4    |lng|lng must be a longitude between -180 and 180",
                "118.5   |90.01   |lat|lat must be a latitude between -90 and 90",
                "118.5   |-91     |lat|lat must be a latitude between -90 and 90",
                "37.4    |118.5   |lng|lng and lat look swapped",
                "37.4    |80      |lng|lng and lat look swapped",
            })
    void invalidCoordinatesAreRejectedNamingTheField(String lng, String lat, String field, String message)
            throws Exception {
        var request = get("/api/v1/grids/locate");
        if (lng != null) {
            request.param("lng", lng);
        }
        if (lat != null) {
            request.param("lat", lat);
        }
        api.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").value(startsWith(message)));
    }

    @Test
    void swappedCoordinatesSuggestTheRightOrder() throws Exception {
        locate("37.405", "118.605")
                .andExpect(jsonPath("$.detail").value(containsString("did you mean lng=118.605&lat=37.405?")))
                .andExpect(jsonPath("$.fields[*]").value(hasItem("lat")));
    }

    @Test
    void aGridIsAGeoJsonFeatureWithItsRegionsAndArea() throws Exception {
        api.perform(get("/api/v1/grids/T-R-3"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("application/geo+json")))
                .andExpect(jsonPath("$.type").value("Feature"))
                .andExpect(jsonPath("$.id").value("T-R-3"))
                .andExpect(jsonPath("$.properties.code").value("T-R-3"))
                .andExpect(jsonPath("$.properties.name").value("测试网格T-R-3"))
                .andExpect(jsonPath("$.properties.type").value("DEDICATED"))
                .andExpect(jsonPath("$.properties.typeLabel").value("专属网格"))
                .andExpect(jsonPath("$.properties.villageCode").value(OTHER_VILLAGE))
                .andExpect(jsonPath("$.properties.village").value("中王屋社区居委会"))
                .andExpect(jsonPath("$.properties.town").value("文汇街道"))
                .andExpect(jsonPath("$.properties.county").value("东营区"))
                // 0.01° × 0.01° at 37.4°N: 1,113 m × 885 m
                .andExpect(
                        jsonPath("$.properties.areaSquareMetres").value(org.hamcrest.Matchers.closeTo(984_000, 5_000)))
                .andExpect(jsonPath("$.geometry.type").value("Polygon"))
                .andExpect(jsonPath("$.geometry.coordinates[0][0][0]").value(118.6012346));
        api.perform(get("/api/v1/grids/T-R-3").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }

    @Test
    void anUnknownGridIsNotFound() throws Exception {
        api.perform(get("/api/v1/grids/T-NOPE"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Grid T-NOPE does not exist"));
        api.perform(get("/api/v1/grids/T-NOPE").accept("application/geo+json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Grid T-NOPE does not exist"));
    }

    @Test
    void aRegionsGridsAreAFeatureCollectionWithCoordinatesToSixDecimals() throws Exception {
        String body = api.perform(get("/api/v1/grids").param("region", TOWN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[?(@.id == 'T-R-1')].properties.village")
                        .value(hasItem("东营社区居委会")))
                .andExpect(jsonPath("$.features[?(@.id == 'T-R-3')].geometry.coordinates[0][0][0]")
                        .value(hasItem(118.601235)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContainPattern("\\d\\.\\d{7,}");
        api.perform(get("/api/v1/grids").param("region", "370503"))
                .andExpect(jsonPath("$.features[?(@.id =~ /T-.*/)]").isEmpty());
    }

    @Test
    void theGridsOfAnUnknownOrMissingRegionAreRefused() throws Exception {
        api.perform(get("/api/v1/grids").param("region", "379999")).andExpect(status().isNotFound());
        api.perform(get("/api/v1/grids"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("region"));
    }

    @Test
    void theServiceAnswersWhatTheApiAnswers() {
        assertThat(grids.find("T-R-1")).isPresent();
        assertThat(grids.inRegion(TOWN)).extracting(g -> g.code()).contains("T-R-1", "T-R-2", "T-R-3");
        assertThat(grids.inRegion("370503")).extracting(g -> g.code()).doesNotContain("T-R-1");
        assertThat(grids.inRegion("nope")).isEmpty();
        assertThat(grids.locate(118.605, 37.405)).map(l -> l.grid().code()).hasValue("T-R-1");
        assertThat(grids.locate(116.397, 39.909)).isEmpty();
    }
}
