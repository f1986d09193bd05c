package org.onegrid.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;

/** Rules of the module's API that need no database. */
class StaffUnitTests {

    static RegionView village(String name) {
        return new RegionView(
                "370523101001", name, RegionLevel.VILLAGE, "370523101", "/3705/370523/370523101/370523101001/");
    }

    @Test
    void centresAreNamedAfterTheirPlaceNotTheVillageCommittee() {
        assertThat(Organisations.centreName(village("北王屋村委会"))).isEqualTo("北王屋村综治中心");
        assertThat(Organisations.centreName(village("耿井村村民委员会"))).isEqualTo("耿井村综治中心");
        assertThat(Organisations.centreName(village("花园社区居民委员会"))).isEqualTo("花园社区综治中心");
        assertThat(Organisations.centreName(village("东营社区居委会"))).isEqualTo("东营社区综治中心");
        assertThat(Organisations.centreName(
                        new RegionView("370523101", "大王镇", RegionLevel.TOWN, "370523", "/3705/370523/370523101/")))
                .isEqualTo("大王镇综治中心");
    }

    StaffPrincipal user(String regionCode, String path) {
        return new StaffPrincipal(1, "u", "用户", 1, "org", OrgKind.CENTRE, regionCode, path, Set.of(Role.LEADER));
    }

    @Test
    void aUserSeesTheSubtreeOfTheirRegionByPathNotByCode() {
        StaffPrincipal county = user("370502", "/3705/370502/");
        RegionView zoneTown =
                new RegionView("370571400", "经济开发区直属乡镇", RegionLevel.TOWN, "370502", "/3705/370502/370571400/");
        RegionView otherCounty = new RegionView("370503", "河口区", RegionLevel.COUNTY, "3705", "/3705/370503/");
        assertThat(county.canSee(zoneTown)).isTrue();
        assertThat(county.canSee(otherCounty)).isFalse();
        assertThat(user("", "").canSee(otherCounty)).isTrue();
    }

    @Test
    void passwordsNeedTenCharactersWithLettersAndDigits() {
        assertThat("Demo@2026x".matches(CreateUser.PASSWORD)).isTrue();
        assertThat("abcdefghij".matches(CreateUser.PASSWORD)).isFalse();
        assertThat("1234567890".matches(CreateUser.PASSWORD)).isFalse();
        assertThat("abc12345".matches(CreateUser.PASSWORD)).isFalse();
    }

    @Test
    void theCommandDoesNotPrintThePassword() {
        CreateUser command =
                new CreateUser("wang.wu", "王五", "Secret20261", 1L, Set.of(Role.GRID_WORKER), "13800000000");
        assertThat(command.toString()).doesNotContain("Secret20261");
    }
}
