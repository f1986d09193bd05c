package org.onegrid.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.Api;
import org.onegrid.IntegrationTest;
import org.onegrid.staff.Organisations;
import org.onegrid.worktime.TimeMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The demo city's catalog: its size, its departments, the items of issue 3's stories, search and suggestion. */
@IntegrationTest
class DemoCatalogTests {

    static final String CITY = "3705";

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Organisations organisations;

    @Test
    void theDemoCatalogHasAtLeastNineCategoriesAndAHundredItemsWhoseDepartmentsAllExist() {
        List<CategoryView> categories = catalog.categories();
        assertThat(categories).hasSizeGreaterThanOrEqualTo(9);
        assertThat(categories)
                .extracting(CategoryView::name)
                .contains("矛盾纠纷", "安全隐患", "城市管理", "生态环境", "市场监管", "民生服务", "社会治安", "公共卫生", "自然灾害");
        assertThat(categories)
                .allSatisfy(c -> assertThat(c.items()).as(c.name()).hasSizeGreaterThanOrEqualTo(5));

        List<CatalogItemView> items = catalog.items(null, true);
        assertThat(items).hasSizeGreaterThanOrEqualTo(100);
        assertThat(items.stream().flatMap(i -> i.departmentCodes().stream()).distinct())
                .allSatisfy(code -> assertThat(organisations.department(code, CITY))
                        .as("department " + code + " of the city")
                        .hasValueSatisfying(d -> assertThat(d.regionCode()).isEqualTo(CITY)));
        assertThat(items).allSatisfy(item -> {
            assertThat(item.keywords()).as(item.code()).isNotEmpty();
            assertThat(item.handle().limit()).as(item.code()).isPositive();
        });
        assertThat(items).anySatisfy(item -> assertThat(item.level()).isEqualTo(HandlingLevel.GRID));
        assertThat(items).anySatisfy(item -> assertThat(item.level()).isEqualTo(HandlingLevel.CITY));
        assertThat(items).anySatisfy(item -> assertThat(item.attributes()).isNotEmpty());
    }

    @Test
    void aLoudspeakerNoiseComplaintIsAGridItemSolvedInTheGrid() {
        CatalogItemView noise = catalog.suggest("理发店门口的大喇叭天天放音乐，噪音太大，影响休息").orElseThrow();
        assertThat(noise.name()).isEqualTo("噪音扰民");
        assertThat(noise.level()).isEqualTo(HandlingLevel.GRID);
        assertThat(noise.emergency()).isFalse();
        assertThat(noise.accept().mode()).isEqualTo(TimeMode.WORKING);
        assertThat(noise.attributes())
                .anySatisfy(
                        a -> assertThat(a.values()).extracting(v -> v.name()).contains("商铺喇叭或音响"));
    }

    @Test
    void restaurantFumesAreLedByUrbanManagementWithEcologyJoiningIn() {
        CatalogItemView fumes = catalog.search("油烟").get(0);
        assertThat(fumes.name()).isEqualTo("油烟扰民");
        assertThat(fumes.categoryName()).isEqualTo("城市管理");
        assertThat(fumes.departmentCodes()).containsExactly("chengguan", "huanbao");
        assertThat(fumes.leadDepartment()).isEqualTo("chengguan");
        assertThat(fumes.jointAllowed()).isTrue();
    }

    @Test
    void aBrokenHandrailForADisabledResidentIsFixedWithinTwelveNaturalHoursAndEscalatesWhenLate() {
        CatalogItemView handrail = catalog.suggest("残疾人家楼道的扶手坏了，轮椅上下很危险").orElseThrow();
        assertThat(handrail.name()).isEqualTo("无障碍设施损坏");
        assertThat(handrail.departmentCodes()).containsAnyOf("zhujian", "minzheng");
        assertThat(handrail.handle()).isEqualTo(new StageLimit(Duration.ofHours(12), TimeMode.NATURAL));
        assertThat(handrail.accept().mode()).isEqualTo(TimeMode.NATURAL);
        assertThat(handrail.autoEscalate()).isTrue();
    }

    @Test
    void searchFindsRestaurantFumesByKeywordWithNameMatchesFirst() {
        assertThat(catalog.search("饭店")).extracting(CatalogItemView::name).contains("油烟扰民");
        assertThat(catalog.search("烧烤"))
                .extracting(CatalogItemView::name)
                .first()
                .isEqualTo("油烟扰民");

        // 垃圾 is in the names of several items and a keyword of more: names first
        List<CatalogItemView> garbage = catalog.search("垃圾");
        int lastNameMatch = -1;
        int firstKeywordOnly = Integer.MAX_VALUE;
        for (int i = 0; i < garbage.size(); i++) {
            if (garbage.get(i).name().contains("垃圾")) {
                lastNameMatch = i;
            } else {
                firstKeywordOnly = Math.min(firstKeywordOnly, i);
            }
        }
        assertThat(lastNameMatch).isLessThan(firstKeywordOnly);

        Api resident = Api.as(port, "resident");
        HttpResponse<String> response = resident.get("/api/v1/catalog/items?q=%E6%B2%B9%E7%83%9F"); // 油烟
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode first = Api.json(response).get(0);
        assertThat(first.get("name").asString()).isEqualTo("油烟扰民");
        assertThat(first.get("accept").get("minutes").asLong()).isEqualTo(120);
        assertThat(first.get("accept").get("mode").asString()).isEqualTo("WORKING");
        assertThat(first.get("levelLabel").asString()).isEqualTo("乡镇街道");
    }

    @Test
    void searchTakesTheTextLiterallyAndFindsNothingForBlankOrUnknownText() {
        assertThat(catalog.search("  ")).isEmpty();
        assertThat(catalog.search("%")).isEmpty();
        assertThat(catalog.search("_")).isEmpty();
        assertThat(catalog.search("量子计算机")).isEmpty();
        assertThat(catalog.suggest("今天天气不错")).isEmpty();
        assertThat(catalog.suggest(null)).isEmpty();
    }

    @Test
    void aSmellOfGasSuggestsTheGasLeakEmergency() {
        CatalogItemView gas = catalog.suggest("楼道里闻到很浓的燃气味").orElseThrow();
        assertThat(gas.name()).isEqualTo("燃气泄漏隐患");
        assertThat(gas.emergency()).isTrue();
        assertThat(gas.accept()).isEqualTo(new StageLimit(Duration.ofMinutes(30), TimeMode.NATURAL));
    }

    @Test
    void anySignedInUserReadsTheTree() {
        Api gridWorker = Api.as(port, "gridworker");
        HttpResponse<String> response = gridWorker.get("/api/v1/catalog");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode tree = Api.json(response);
        assertThat(tree.size()).isGreaterThanOrEqualTo(9);
        assertThat(tree.get(0).get("name").asString()).isEqualTo("矛盾纠纷");
        assertThat(tree.get(0).get("items").size()).isGreaterThanOrEqualTo(5);

        HttpResponse<String> item = gridWorker.get("/api/v1/catalog/items/CSGL-004");
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(Api.json(item).get("departmentCodes").toString()).isEqualTo("[\"chengguan\",\"huanbao\"]");

        assertThat(gridWorker.get("/api/v1/catalog/items/NO-SUCH-ITEM").statusCode())
                .isEqualTo(404);

        JsonNode ecology = Api.json(gridWorker.get("/api/v1/catalog/items?category=STHJ"));
        assertThat(ecology.size()).isGreaterThanOrEqualTo(10);
        ecology.forEach(each -> assertThat(each.get("categoryName").asString()).isEqualTo("生态环境"));
        HttpResponse<String> unknown = gridWorker.get("/api/v1/catalog/items?category=NOPE");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Api.json(unknown).get("field").asString()).isEqualTo("category");
    }
}
