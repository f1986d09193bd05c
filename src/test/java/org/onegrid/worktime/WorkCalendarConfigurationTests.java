package org.onegrid.worktime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WorkCalendarConfigurationTests {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(WorktimeConfiguration.class);

    @Test
    void defaultsToGovernmentOfficeHoursInChinaStandardTime() {
        runner.run(context -> {
            WorkCalendar calendar = context.getBean(WorkCalendar.class);
            assertThat(calendar.officeHours()).isEqualTo(OfficeHours.DEFAULT);
            assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(calendar.firstYear()).isEqualTo(2020);
            assertThat(calendar.lastYear()).isEqualTo(2026);
        });
    }

    @Test
    void officeHoursAndZoneComeFromProperties() {
        runner.withPropertyValues("onegrid.worktime.office-hours=09:00-17:00", "onegrid.worktime.zone=Asia/Urumqi")
                .run(context -> {
                    WorkCalendar calendar = context.getBean(WorkCalendar.class);
                    assertThat(calendar.officeHours()).isEqualTo(OfficeHours.parse("09:00-17:00"));
                    assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
                });
    }

    @Test
    void invalidOfficeHoursStopTheApplicationFromStarting() {
        runner.withPropertyValues("onegrid.worktime.office-hours=08:30-12:00,11:00-14:00")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("Office periods 08:30-12:00 and 11:00-14:00 overlap"));
        runner.withPropertyValues("onegrid.worktime.office-hours=08:30-12:00,11:00-14:00")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("Check onegrid.worktime.office-hours: Invalid office hours"));
    }
}
