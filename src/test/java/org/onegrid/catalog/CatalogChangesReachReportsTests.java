package org.onegrid.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.onegrid.Api;
import org.onegrid.IntegrationTest;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Reports read their item from memory; whatever an administrator changes through the API is what the very next report
 * runs on.
 */
@IntegrationTest
class CatalogChangesReachReportsTests {

    @LocalServerPort
    int port;

    @Autowired
    Staff staff;

    @Autowired
    Grids grids;

    Api admin;
    Api gridWorker;
    Point inTheirGrid;

    @BeforeEach
    void signIn() {
        admin = Api.as(port, "admin");
        gridWorker = Api.as(port, "gridworker");
        long id = staff.findByUsername("gridworker").orElseThrow().id();
        String grid = staff.gridsOf(id).get(0).gridCode();
        inTheirGrid = grids.geometry(grid).orElseThrow().getInteriorPoint();
    }

    HttpResponse<String> report(String itemCode) {
        return gridWorker.post(
                "/api/v1/incidents",
                Map.of(
                        "itemCode",
                        itemCode,
                        "text",
                        "公园座椅损坏",
                        "longitude",
                        inTheirGrid.getX(),
                        "latitude",
                        inTheirGrid.getY()));
    }

    @Test
    void anItemEditedThroughTheApiIsReportedUnderItsNewTermsAtTheNextReport() {
        String code = CatalogAdminApiTests.newCode();
        assertThat(admin.post("/api/v1/catalog/items", CatalogAdminApiTests.item(code))
                        .statusCode())
                .isEqualTo(201);
        JsonNode before = Api.json(report(code));
        assertThat(before.get("itemName").asString()).isEqualTo("测试座椅损坏" + code);
        assertThat(before.get("terms").get("normalLevel").asString()).isEqualTo("VILLAGE");
        assertThat(before.get("terms").get("handle").get("mode").asString()).isEqualTo("WORKING");

        HttpResponse<String> edited = admin.put(
                "/api/v1/catalog/items/" + code, CatalogAdminApiTests.with(CatalogAdminApiTests.item(code), b -> {
                    b.put("version", 1);
                    b.put("name", "长椅损坏" + code);
                    b.put("level", "TOWN");
                    b.put("departmentCodes", List.of("chengguan"));
                    b.put("handle", Map.of("minutes", 720, "mode", "NATURAL"));
                }));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);

        HttpResponse<String> reported = report(code);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        JsonNode after = Api.json(reported);
        assertThat(after.get("itemName").asString()).isEqualTo("长椅损坏" + code);
        assertThat(after.get("terms").get("normalLevel").asString()).isEqualTo("TOWN");
        assertThat(after.get("terms").get("departmentCodes").get(0).asString()).isEqualTo("chengguan");
        assertThat(after.get("terms").get("handle").get("mode").asString()).isEqualTo("NATURAL");
        assertThat(after.get("owner").get("level").asString()).isEqualTo("TOWN");
    }

    @Test
    void anItemOrItsCategoryWithdrawnThroughTheApiIsRefusedAtTheNextReport() {
        String category = CatalogAdminApiTests.newCode();
        assertThat(admin.post("/api/v1/catalog/categories", Map.of("code", category, "name", "测试大类"))
                        .statusCode())
                .isEqualTo(201);
        String code = CatalogAdminApiTests.newCode();
        assertThat(admin.post(
                                "/api/v1/catalog/items",
                                CatalogAdminApiTests.with(
                                        CatalogAdminApiTests.item(code), b -> b.put("categoryCode", category)))
                        .statusCode())
                .isEqualTo(201);
        assertThat(report(code).statusCode()).isEqualTo(201);

        assertThat(admin.post("/api/v1/catalog/items/" + code + "/deactivate", null)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> withdrawn = report(code);
        assertThat(withdrawn.statusCode()).isEqualTo(422);
        assertThat(Api.json(withdrawn).get("type").asString()).endsWith("/unknown-item");

        assertThat(admin.post("/api/v1/catalog/items/" + code + "/activate", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(report(code).statusCode()).isEqualTo(201);

        assertThat(admin.put("/api/v1/catalog/categories/" + category, Map.of("active", false))
                        .statusCode())
                .isEqualTo(200);
        assertThat(report(code).statusCode()).isEqualTo(422);
    }
}
