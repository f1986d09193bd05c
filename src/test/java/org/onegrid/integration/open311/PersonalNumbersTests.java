package org.onegrid.integration.open311;

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
}
