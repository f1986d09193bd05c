package org.onegrid.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DemoCityRegionsTests {

    @Autowired
    Regions regions;

    @Test
    void dongyingHasExactlyItsOfficialDivisions() {
        assertThat(regions.byLevel(RegionLevel.CITY))
                .extracting(RegionView::name)
                .containsExactly("东营市");
        assertThat(regions.byLevel(RegionLevel.COUNTY))
                .extracting(RegionView::code, RegionView::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("370502", "东营区"),
                        org.assertj.core.groups.Tuple.tuple("370503", "河口区"),
                        org.assertj.core.groups.Tuple.tuple("370505", "垦利区"),
                        org.assertj.core.groups.Tuple.tuple("370522", "利津县"),
                        org.assertj.core.groups.Tuple.tuple("370523", "广饶县"));
        assertThat(regions.byLevel(RegionLevel.TOWN)).hasSize(52);
        assertThat(regions.byLevel(RegionLevel.VILLAGE)).hasSize(1921);
    }

    @Test
    void townsOfAFunctionalZoneHangUnderTheirHostCounty() {
        RegionView zoneTown = regions.find("370571400").orElseThrow();
        assertThat(zoneTown.parentCode()).isEqualTo("370502");
        assertThat(regions.isWithin("370571400", "370502")).isTrue();
        assertThat(regions.isWithin("370571400", "370503")).isFalse();
    }

    @Test
    void everyVillageLiesInTheCityAndInExactlyOneCounty() {
        for (RegionView v : regions.byLevel(RegionLevel.VILLAGE)) {
            assertThat(regions.lineage(v.code()))
                    .extracting(RegionView::level)
                    .containsExactly(RegionLevel.CITY, RegionLevel.COUNTY, RegionLevel.TOWN, RegionLevel.VILLAGE);
        }
    }
}
