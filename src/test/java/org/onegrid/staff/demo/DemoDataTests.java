package org.onegrid.staff.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.onegrid.shared.demo.ChineseNames;

class DemoDataTests {

    @Test
    void theSameSeedGivesTheSamePeople() {
        ChineseNames a = new ChineseNames(7);
        ChineseNames b = new ChineseNames(7);
        IntStream.range(0, 100).forEach(i -> {
            assertThat(a.next()).isEqualTo(b.next());
            assertThat(a.mobile()).isEqualTo(b.mobile());
        });
    }

    @Test
    void namesAreTwoOrThreeCharactersAndMobilesElevenDigits() {
        ChineseNames names = new ChineseNames(1);
        IntStream.range(0, 1000).forEach(i -> {
            assertThat(names.next()).hasSizeBetween(2, 3);
            assertThat(names.mobile()).matches("1[3-9][0-9]{9}");
        });
    }

    @Test
    void countyBranchesAreNamedTheWayChineseCitiesNameThem() {
        var police = DemoDepartments.ALL.stream()
                .filter(d -> d.code().equals("gongan"))
                .findFirst()
                .orElseThrow();
        assertThat(police.branchName("东营市", "东营区")).isEqualTo("东营市公安局东营分局");
        assertThat(police.branchName("东营市", "广饶县")).isEqualTo("广饶县公安局");
        var environment = DemoDepartments.ALL.stream()
                .filter(d -> d.code().equals("huanbao"))
                .findFirst()
                .orElseThrow();
        assertThat(environment.branchName("东营市", "利津县")).isEqualTo("东营市生态环境局利津分局");
        assertThat(DemoDepartments.ALL).hasSizeGreaterThanOrEqualTo(26);
    }
}
