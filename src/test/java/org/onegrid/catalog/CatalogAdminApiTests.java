package org.onegrid.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.onegrid.Api;
import org.onegrid.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Administrators change the catalog over the API; everyone else reads it. Refused changes write nothing. */
@IntegrationTest
class CatalogAdminApiTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    /** A code no other test uses, also across runs on a kept database. */
    static String newCode() {
        return "T-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + "-"
                + SEQUENCE.incrementAndGet();
    }

    /** A valid item: a broken bench in the 城市管理 category, found by searching for its code. */
    static Map<String, Object> item(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("categoryCode", "CSGL");
        body.put("name", "测试座椅损坏" + code);
        body.put("description", "公园座椅损坏");
        body.put("departmentCodes", List.of("zhujian", "chengguan"));
        body.put("level", "VILLAGE");
        body.put("accept", Map.of("minutes", 120, "mode", "WORKING"));
        body.put("handle", Map.of("minutes", 1440, "mode", "WORKING"));
        body.put("verify", Map.of("minutes", 480, "mode", "WORKING"));
        body.put("jointAllowed", true);
        body.put("keywords", List.of("测试" + code));
        body.put("attributes", List.of(Map.of("code", "floor", "description", "楼层", "datatype", "number")));
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, Consumer<Map<String, Object>> change) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        change.accept(copy);
        return copy;
    }

    long rowsWithCode(String code) {
        return jdbc.sql("SELECT count(*) FROM catalog_item WHERE code = ?")
                .param(code)
                .query(Long.class)
                .single();
    }

    @Test
    void anAdministratorCreatesAnItemAndEachUpdateRaisesItsVersion() {
        Api admin = Api.as(port, "admin");
        String code = newCode();

        HttpResponse<String> created = admin.post("/api/v1/catalog/items", item(code));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/catalog/items/" + code);
        JsonNode body = Api.json(created);
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("categoryName").asString()).isEqualTo("城市管理");
        assertThat(body.get("handle").get("minutes").asLong()).isEqualTo(1440);
        assertThat(body.get("attributes").get(0).get("datatype").asString()).isEqualTo("number");

        HttpResponse<String> updated = admin.put("/api/v1/catalog/items/" + code, with(item(code), b -> {
            b.put("version", 1);
            b.put("level", "TOWN");
            b.put("handle", Map.of("minutes", 720, "mode", "NATURAL"));
            b.put("emergency", true);
        }));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(Api.json(updated).get("version").asInt()).isEqualTo(2);

        CatalogItemView stored = catalog.item(code).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.level()).isEqualTo(HandlingLevel.TOWN);
        assertThat(stored.handle()).isEqualTo(StageLimit.naturalHours(12));
        assertThat(stored.emergency()).isTrue();
        assertThat(stored.departmentCodes()).containsExactly("zhujian", "chengguan");
        assertThat(catalog.search(code)).extracting(CatalogItemView::code).containsExactly(code);
    }

    @Test
    void anItemReadFromTheApiCanBeEditedAndPutBackAsItIs() {
        Api admin = Api.as(port, "admin");
        String code = newCode();
        assertThat(admin.post("/api/v1/catalog/items", item(code)).statusCode()).isEqualTo(201);

        String read = admin.get("/api/v1/catalog/items/" + code).body();
        HttpResponse<String> put =
                admin.put("/api/v1/catalog/items/" + code, read.replace("\"level\":\"VILLAGE\"", "\"level\":\"GRID\""));

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        CatalogItemView stored = catalog.item(code).orElseThrow();
        assertThat(stored.level()).isEqualTo(HandlingLevel.GRID);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.attributes()).hasSize(1);
        assertThat(stored.keywords()).containsExactly("测试" + code);
    }

    @Test
    void aStaleUpdateIsAConflictAndChangesNothing() {
        Api admin = Api.as(port, "admin");
        String code = newCode();
        assertThat(admin.post("/api/v1/catalog/items", item(code)).statusCode()).isEqualTo(201);
        assertThat(admin.put("/api/v1/catalog/items/" + code, with(item(code), b -> {
                            b.put("version", 1);
                            b.put("name", "第一次修改" + code);
                        }))
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> stale = admin.put("/api/v1/catalog/items/" + code, with(item(code), b -> {
            b.put("version", 1);
            b.put("name", "基于旧版本的修改" + code);
        }));

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Api.json(stale).get("currentVersion").asInt()).isEqualTo(2);
        CatalogItemView stored = catalog.item(code).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.name()).isEqualTo("第一次修改" + code);
    }

    @Test
    void onlyAdministratorsChangeTheCatalog() {
        String existing = newCode();
        assertThat(Api.as(port, "admin")
                        .post("/api/v1/catalog/items", item(existing))
                        .statusCode())
                .isEqualTo(201);

        for (String username : List.of("city.dispatcher", "leader", "chengguan.handler", "resident")) {
            Api user = Api.as(port, username);
            String code = newCode();
            assertThat(user.post("/api/v1/catalog/items", item(code)).statusCode())
                    .as(username)
                    .isEqualTo(403);
            assertThat(user.put("/api/v1/catalog/items/" + existing, with(item(existing), b -> b.put("version", 1)))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(user.post("/api/v1/catalog/items/" + existing + "/deactivate", null)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(user.post("/api/v1/catalog/categories", Map.of("code", code, "name", "测试"))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(user.put("/api/v1/catalog/categories/CSGL", Map.of("active", false))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(user.get("/api/v1/catalog/items/" + existing).statusCode())
                    .isEqualTo(200);
            assertThat(rowsWithCode(code)).isZero();
        }
        assertThat(catalog.item(existing).orElseThrow().version()).isEqualTo(1);
        assertThat(catalog.categories()).extracting(CategoryView::code).contains("CSGL");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        Api admin = Api.as(port, "admin");
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        String code = newCode();
        cases.put("categoryCode", with(item(code), b -> b.put("categoryCode", "NOPE")));
        cases.put("departmentCodes[1]", with(item(code), b -> b.put("departmentCodes", List.of("zhujian", "nasa"))));
        cases.put("departmentCodes", with(item(code), b -> b.put("departmentCodes", List.of())));
        cases.put("name", with(item(code), b -> b.put("name", "  ")));
        cases.put("code", with(item(code), b -> b.put("code", "lower case")));
        cases.put("accept.minutes", with(item(code), b -> b.put("accept", Map.of("minutes", 0, "mode", "WORKING"))));
        cases.put(
                "handle.minutes",
                with(item(code), b -> b.put("handle", Map.of("minutes", 91 * 24 * 60, "mode", "NATURAL"))));
        cases.put("verify.minutes", with(item(code), b -> b.put("verify", Map.of("minutes", -5, "mode", "WORKING"))));
        cases.put("verify.mode", with(item(code), b -> b.put("verify", Map.of("minutes", 60))));
        cases.put("verify", with(item(code), b -> b.remove("verify")));
        cases.put("level", with(item(code), b -> b.put("level", "PROVINCE")));
        cases.put("accept.mode", with(item(code), b -> b.put("accept", Map.of("minutes", 60, "mode", "LUNAR"))));
        cases.put("keywords[1]", with(item(code), b -> b.put("keywords", List.of("座椅", "座椅"))));
        cases.put(
                "attributes[0].datatype",
                with(
                        item(code),
                        b -> b.put(
                                "attributes",
                                List.of(Map.of("code", "floor", "description", "楼层", "datatype", "integer")))));

        cases.forEach((field, body) -> {
            HttpResponse<String> response = admin.post("/api/v1/catalog/items", body);
            assertThat(response.statusCode()).as(field + ": " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Api.json(response).get("field").asString())
                    .as(response.body())
                    .isEqualTo(field);
        });
        assertThat(rowsWithCode(code)).isZero();
        assertThat(rowsWithCode("lower case")).isZero();

        // an update that breaks a rule leaves the item as it was
        assertThat(admin.post("/api/v1/catalog/items", item(code)).statusCode()).isEqualTo(201);
        HttpResponse<String> refused = admin.put("/api/v1/catalog/items/" + code, with(item(code), b -> {
            b.put("version", 1);
            b.put("name", "改名" + code);
            b.put("departmentCodes", List.of("nasa"));
        }));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Api.json(refused).get("field").asString()).isEqualTo("departmentCodes[0]");
        CatalogItemView unchanged = catalog.item(code).orElseThrow();
        assertThat(unchanged.version()).isEqualTo(1);
        assertThat(unchanged.name()).isEqualTo("测试座椅损坏" + code);

        HttpResponse<String> withoutVersion = admin.put("/api/v1/catalog/items/" + code, item(code));
        assertThat(withoutVersion.statusCode()).isEqualTo(400);
        assertThat(Api.json(withoutVersion).get("field").asString()).isEqualTo("version");
    }

    @Test
    void aDuplicateCodeIsAConflictAndKeepsTheFirstItem() {
        Api admin = Api.as(port, "admin");
        String code = newCode();
        assertThat(admin.post("/api/v1/catalog/items", item(code)).statusCode()).isEqualTo(201);

        HttpResponse<String> duplicate =
                admin.post("/api/v1/catalog/items", with(item(code), b -> b.put("name", "重复" + code)));

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(Api.json(duplicate).get("field").asString()).isEqualTo("code");
        assertThat(catalog.item(code).orElseThrow().name()).isEqualTo("测试座椅损坏" + code);

        HttpResponse<String> demoItem = admin.post("/api/v1/catalog/items", item("CSGL-004"));
        assertThat(demoItem.statusCode()).isEqualTo(409);
        assertThat(catalog.item("CSGL-004").orElseThrow().name()).isEqualTo("油烟扰民");
    }

    @Test
    void aDeactivatedItemIsNoLongerOfferedButStillReadableByCode() {
        Api admin = Api.as(port, "admin");
        String code = newCode();
        assertThat(admin.post("/api/v1/catalog/items", item(code)).statusCode()).isEqualTo(201);
        assertThat(catalog.search(code)).hasSize(1);
        assertThat(catalog.suggest("报告：测试" + code + "已修好").map(CatalogItemView::code))
                .hasValue(code);

        HttpResponse<String> deactivated = admin.post("/api/v1/catalog/items/" + code + "/deactivate", null);
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
        assertThat(Api.json(deactivated).get("active").asBoolean()).isFalse();
        assertThat(Api.json(deactivated).get("version").asInt()).isEqualTo(2);

        assertThat(catalog.search(code)).isEmpty();
        assertThat(catalog.suggest("报告：测试" + code + "已修好")).isEmpty();
        assertThat(catalog.items("CSGL")).extracting(CatalogItemView::code).doesNotContain(code);
        assertThat(catalog.categories().stream().flatMap(c -> c.items().stream()))
                .extracting(CatalogItemView::code)
                .doesNotContain(code);
        assertThat(catalog.items("CSGL", true))
                .extracting(CatalogItemView::code)
                .contains(code);
        CatalogItemView kept = catalog.item(code).orElseThrow();
        assertThat(kept.active()).isFalse();
        assertThat(kept.name()).isEqualTo("测试座椅损坏" + code);
        HttpResponse<String> read = Api.as(port, "gridworker").get("/api/v1/catalog/items/" + code);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Api.json(read).get("active").asBoolean()).isFalse();

        // deactivating again changes nothing; activating offers it again
        assertThat(Api.json(admin.post("/api/v1/catalog/items/" + code + "/deactivate", null))
                        .get("version")
                        .asInt())
                .isEqualTo(2);
        assertThat(admin.post("/api/v1/catalog/items/" + code + "/activate", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(catalog.search(code)).hasSize(1);
        assertThat(catalog.item(code).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void itemsAndCategoriesAreNeverDeleted() {
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM catalog_item WHERE code = 'CSGL-004'")
                        .update())
                .hasMessageContaining("never deleted");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM catalog_category WHERE code = 'CSGL'")
                        .update())
                .hasMessageContaining("never deleted");
        assertThat(catalog.item("CSGL-004")).isPresent();
    }

    @Test
    void anAdministratorAddsACategoryAndDeactivatingItWithdrawsItsItems() {
        Api admin = Api.as(port, "admin");
        String code = newCode();
        HttpResponse<String> created = admin.post("/api/v1/catalog/categories", Map.of("code", code, "name", "测试大类"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Api.json(created).get("sort").asInt()).isGreaterThan(100);
        assertThat(admin.post("/api/v1/catalog/categories", Map.of("code", code, "name", "再来一次"))
                        .statusCode())
                .isEqualTo(409);
        HttpResponse<String> nameless = admin.post("/api/v1/catalog/categories", Map.of("code", newCode(), "name", ""));
        assertThat(nameless.statusCode()).isEqualTo(400);
        assertThat(Api.json(nameless).get("field").asString()).isEqualTo("name");

        String itemCode = newCode();
        assertThat(admin.post("/api/v1/catalog/items", with(item(itemCode), b -> b.put("categoryCode", code)))
                        .statusCode())
                .isEqualTo(201);
        assertThat(catalog.search(itemCode)).hasSize(1);

        HttpResponse<String> deactivated = admin.put("/api/v1/catalog/categories/" + code, Map.of("active", false));
        assertThat(deactivated.statusCode()).isEqualTo(200);
        assertThat(Api.json(deactivated).get("name").asString()).isEqualTo("测试大类");
        assertThat(catalog.search(itemCode)).isEmpty();
        assertThat(catalog.categories()).extracting(CategoryView::code).doesNotContain(code);
        assertThat(catalog.item(itemCode).orElseThrow().active()).isFalse();
        assertThat(admin.put("/api/v1/catalog/categories/NO-SUCH", Map.of("active", false))
                        .statusCode())
                .isEqualTo(404);
    }
}
