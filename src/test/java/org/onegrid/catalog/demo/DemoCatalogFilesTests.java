package org.onegrid.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onegrid.catalog.CatalogItemDraft;
import org.onegrid.catalog.HandlingLevel;
import org.onegrid.catalog.StageLimit;
import org.onegrid.worktime.TimeMode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped demo catalog file, read without Spring: complete, within the rules, and with issue 3's items. */
class DemoCatalogFilesTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theShippedFilesHoldElevenCategoriesAndAHundredAndSeventyItemsThatKeepTheRules() {
        DemoCatalogFiles files = DemoCatalogFiles.read(json);
        assertThat(files.categories()).hasSize(11);
        assertThat(files.items()).hasSize(170);
        DemoCatalog.check(files);

        Map<String, CatalogItemDraft> byCode = files.items().stream()
                .collect(Collectors.toMap(DemoCatalogFiles.Item::code, DemoCatalogFiles.Item::draft));
        CatalogItemDraft noise = byCode.get("MDJF-010");
        assertThat(noise.name()).isEqualTo("噪音扰民");
        assertThat(noise.level()).isEqualTo(HandlingLevel.GRID);
        CatalogItemDraft fumes = byCode.get("CSGL-004");
        assertThat(fumes.departmentCodes()).containsExactly("chengguan", "huanbao");
        assertThat(fumes.jointAllowed()).isTrue();
        CatalogItemDraft handrail = byCode.get("MSFW-001");
        assertThat(handrail.handle()).isEqualTo(new StageLimit(Duration.ofHours(12), TimeMode.NATURAL));
        assertThat(handrail.attributes()).extracting(a -> a.code()).containsExactly("facility", "floor");
    }

    @Test
    void emergenciesCountInNaturalHoursAndAreAcceptedWithinHalfAnHour() {
        DemoCatalogFiles files = DemoCatalogFiles.read(json);
        assertThat(files.items().stream().map(DemoCatalogFiles.Item::draft).filter(CatalogItemDraft::emergency))
                .hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(d -> {
                    assertThat(d.accept().mode()).as(d.name()).isEqualTo(TimeMode.NATURAL);
                    assertThat(d.accept().limit()).as(d.name()).isLessThanOrEqualTo(Duration.ofMinutes(30));
                    assertThat(d.handle().mode()).as(d.name()).isEqualTo(TimeMode.NATURAL);
                });
    }

    @Test
    void everyLevelIsUsedAndMostItemsAreHandledAtTownLevelOrBelow() {
        Map<HandlingLevel, Long> byLevel = DemoCatalogFiles.read(json).items().stream()
                .collect(Collectors.groupingBy(i -> i.draft().level(), Collectors.counting()));
        assertThat(byLevel).containsOnlyKeys(HandlingLevel.values());
        long grassroots =
                byLevel.get(HandlingLevel.GRID) + byLevel.get(HandlingLevel.VILLAGE) + byLevel.get(HandlingLevel.TOWN);
        assertThat(grassroots)
                .isGreaterThan(
                        byLevel.values().stream().mapToLong(Long::longValue).sum() / 2);
    }

    @Test
    void aLineWithAStrayCommaIsRefusedWithItsLineNumber() {
        String categories = "code,name,sort\nCSGL,城市管理,30\n";
        String items = "code,category,name,departments,level,accept,handle,verify,mode,flags,keywords,description\n"
                + "CSGL-001,CSGL,占道经营,chengguan,VILLAGE,2h,16h,8h,WORKING,,摆摊,流动摊贩占道, 店外经营\n";
        assertThatThrownBy(() -> DemoCatalogFiles.parse(categories, items, "{}", json))
                .hasMessageContaining("items.csv line 2");
        String badLimit = items.replace(", 店外经营", "").replace(",2h,", ",2d,");
        assertThatThrownBy(() -> DemoCatalogFiles.parse(categories, badLimit, "{}", json))
                .hasMessageContaining("line 2")
                .hasMessageContaining("2d");
        Function<String, String> withAttributesFor = code -> "{\"" + code
                + "\": [{\"code\": \"a\", \"description\": \"甲\", \"datatype\": \"string\", \"required\": false}]}";
        String good = items.replace(", 店外经营", "");
        assertThat(DemoCatalogFiles.parse(categories, good, withAttributesFor.apply("CSGL-001"), json)
                        .items())
                .hasSize(1);
        assertThatThrownBy(() -> DemoCatalogFiles.parse(categories, good, withAttributesFor.apply("CSGL-999"), json))
                .hasMessageContaining("CSGL-999");
    }
}
