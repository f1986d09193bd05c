package org.onegrid.catalog.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onegrid.catalog.AttributeDefinition;
import org.onegrid.catalog.AttributeDefinition.AttributeValue;
import org.onegrid.catalog.CatalogItemDraft;
import org.onegrid.catalog.HandlingLevel;
import org.onegrid.catalog.StageLimit;
import org.onegrid.worktime.TimeMode;

/** The rules an item must satisfy, without Spring or a database. */
class CatalogRulesTests {

    private final CatalogRules rules =
            new CatalogRules(Set.of("CSGL", "MSFW")::contains, Set.of("chengguan", "huanbao", "zhujian")::contains);

    static CatalogItemDraft fumes() {
        return new CatalogItemDraft(
                "CSGL",
                "油烟扰民",
                "餐饮油烟",
                List.of("chengguan", "huanbao"),
                HandlingLevel.TOWN,
                StageLimit.workingHours(2),
                StageLimit.workingHours(40),
                StageLimit.workingHours(8),
                true,
                false,
                false,
                List.of("油烟", "饭店"),
                List.of(),
                null);
    }

    static CatalogItemDraft with(
            CatalogItemDraft d,
            List<String> departments,
            StageLimit handle,
            List<String> keywords,
            List<AttributeDefinition> attributes) {
        return new CatalogItemDraft(
                d.categoryCode(),
                d.name(),
                d.description(),
                departments,
                d.level(),
                d.accept(),
                handle,
                d.verify(),
                d.jointAllowed(),
                d.emergency(),
                d.autoEscalate(),
                keywords,
                attributes,
                null);
    }

    List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void aCompleteItemBreaksNoRule() {
        assertThat(rules.check(fumes())).isEmpty();
        assertThat(rules.checkCode("CSGL-004")).isEmpty();
    }

    @Test
    void codesAreTwoToThirtyTwoUpperCaseLettersDigitsOrSeparators() {
        assertThat(rules.checkCode("A")).isNotEmpty();
        assertThat(rules.checkCode("csgl-004")).isNotEmpty();
        assertThat(rules.checkCode("-CSGL")).isNotEmpty();
        assertThat(rules.checkCode("CSGL 004")).isNotEmpty();
        assertThat(rules.checkCode("A".repeat(33))).isNotEmpty();
        assertThat(rules.checkCode("A".repeat(32))).isEmpty();
        assertThat(rules.checkCode("SHZA.01_02-3")).isEmpty();
        assertThat(rules.checkCode(null)).extracting(Violation::field).containsExactly("code");
    }

    @Test
    void everyUnknownOrRepeatedDepartmentIsNamedByItsPosition() {
        List<Violation> found = rules.check(
                with(fumes(), List.of("chengguan", "nasa", "chengguan", " "), fumes().handle(), null, null));
        assertThat(fields(found)).containsExactly("departmentCodes[1]", "departmentCodes[2]", "departmentCodes[3]");
        assertThat(fields(rules.check(with(fumes(), List.of(), fumes().handle(), null, null))))
                .containsExactly("departmentCodes");
    }

    @Test
    void aLimitIsAtLeastAMinuteAndAtMostNinetyDaysInWholeMinutes() {
        assertThat(fields(rules.check(with(fumes(), fumes().departmentCodes(), null, null, null))))
                .containsExactly("handle");
        for (Duration bad : List.of(
                Duration.ZERO,
                Duration.ofMinutes(-1),
                Duration.ofSeconds(30),
                Duration.ofDays(91),
                Duration.ofMinutes(90).plusSeconds(1))) {
            StageLimit limit = new StageLimit(bad, TimeMode.WORKING);
            assertThat(fields(rules.check(with(fumes(), fumes().departmentCodes(), limit, null, null))))
                    .as(bad.toString())
                    .containsExactly("handle.minutes");
        }
        StageLimit ninetyDays = new StageLimit(Duration.ofDays(90), TimeMode.NATURAL);
        assertThat(rules.check(with(fumes(), fumes().departmentCodes(), ninetyDays, null, null)))
                .isEmpty();
    }

    @Test
    void keywordsAreShortAndDistinct() {
        List<Violation> found = rules.check(with(
                fumes(), fumes().departmentCodes(), fumes().handle(), List.of("油烟", "油烟", "", "长".repeat(21)), null));
        assertThat(fields(found)).containsExactly("keywords[1]", "keywords[2]", "keywords[3]");
    }

    @Test
    void attributesFollowOpen311() {
        List<AttributeDefinition> attributes = List.of(
                new AttributeDefinition("floor", "楼层", "number", false, null),
                new AttributeDefinition("floor", "楼层", "integer", false, null),
                new AttributeDefinition("kind", "类型", "singlevaluelist", true, List.of()),
                new AttributeDefinition("note", "备注", "string", false, List.of(new AttributeValue("a", "甲"))),
                new AttributeDefinition(
                        "9lives",
                        "",
                        "multivaluelist",
                        false,
                        List.of(new AttributeValue("a", "甲"), new AttributeValue("a", "乙"))));
        List<Violation> found =
                rules.check(with(fumes(), fumes().departmentCodes(), fumes().handle(), null, attributes));
        assertThat(fields(found))
                .containsExactly(
                        "attributes[1].code",
                        "attributes[1].datatype",
                        "attributes[2].values",
                        "attributes[3].values",
                        "attributes[4].code",
                        "attributes[4].description",
                        "attributes[4].values[1].key");
    }

    @Test
    void anUnknownCategoryAMissingLevelAndABlankNameAreEachNamed() {
        CatalogItemDraft d = fumes();
        CatalogItemDraft bad = new CatalogItemDraft(
                "NOPE",
                " ",
                "说".repeat(501),
                d.departmentCodes(),
                null,
                d.accept(),
                d.handle(),
                d.verify(),
                false,
                false,
                false,
                null,
                null,
                null);
        assertThat(fields(rules.check(bad))).containsExactly("categoryCode", "name", "description", "level");
    }
}
