package org.onegrid.worktime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class WorkCalendarConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WorktimeProperties.class)
    static class PropertiesOnly {}

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

    @Test
    void defaultsToGovernmentOfficeHoursInChinaStandardTime() {
        runner.run(context -> {
            WorktimeProperties properties = context.getBean(WorktimeProperties.class);
            assertThat(WorktimeConfiguration.officeHours(properties)).isEqualTo(OfficeHours.DEFAULT);
            assertThat(properties.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        });
    }

    @Test
    void officeHoursAndZoneComeFromProperties() {
        runner.withPropertyValues("onegrid.worktime.office-hours=09:00-17:00", "onegrid.worktime.zone=Asia/Urumqi")
                .run(context -> {
                    WorktimeProperties properties = context.getBean(WorktimeProperties.class);
                    assertThat(WorktimeConfiguration.officeHours(properties))
                            .isEqualTo(OfficeHours.parse("09:00-17:00"));
                    assertThat(properties.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
                });
    }

    @Test
    void invalidOfficeHoursStopTheApplicationFromStartingNamingTheSetting() {
        runner.withPropertyValues("onegrid.worktime.office-hours=08:30-12:00,11:00-14:00")
                .run(context -> assertThatIllegalStateException()
                        .isThrownBy(() -> WorktimeConfiguration.officeHours(context.getBean(WorktimeProperties.class)))
                        .withMessageContaining("Check onegrid.worktime.office-hours: Invalid office hours")
                        .withMessageContaining("Office periods 08:30-12:00 and 11:00-14:00 overlap"));
    }
}
