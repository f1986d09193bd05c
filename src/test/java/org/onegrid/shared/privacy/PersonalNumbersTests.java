package org.onegrid.shared.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalNumbersTests {

    @Test
    void phoneAndIdNumbersAreMaskedAndOtherNumbersKept() {
        assertThat(PersonalNumbers.masked("联系人手机 13812345678，+86 13912345678"))
                .isEqualTo("联系人手机 138****5678，+86 139****5678");
        assertThat(PersonalNumbers.masked("身份证 37050219900101123X 与 370502900101123"))
                .isEqualTo("身份证 3****************X 与 3*************3");
        assertThat(PersonalNumbers.masked("座机 0546-8881234 或 05468881234")).isEqualTo("座机 0546-***1234 或 0546***1234");
        assertThat(PersonalNumbers.masked("3号楼2单元，工单 SD20261123000123，损坏 12 处"))
                .isEqualTo("3号楼2单元，工单 SD20261123000123，损坏 12 处");
        assertThat(PersonalNumbers.masked(null)).isNull();
    }

    @Test
    void fieldsAreMaskedAsThePlatformShowsThem() {
        assertThat(PersonalNumbers.idNumber("370502199001011234")).isEqualTo("370***********1234");
        assertThat(PersonalNumbers.phone("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalNumbers.name("张三")).isEqualTo("张*");
        assertThat(PersonalNumbers.address("东营区文汇街道3号楼2单元301"))
                .doesNotContain("301")
                .startsWith("东营区");
    }
}
