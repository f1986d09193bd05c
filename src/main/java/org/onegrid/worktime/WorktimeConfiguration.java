package org.onegrid.worktime;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the {@link WorkCalendar} bean from the shipped holiday data and the configured office hours. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorktimeProperties.class)
class WorktimeConfiguration {

    @Bean
    WorkCalendar workCalendar(WorktimeProperties properties) {
        OfficeHours officeHours;
        try {
            officeHours = OfficeHours.parse(properties.officeHours());
        } catch (IllegalArgumentException e) {
            // Fail at startup, naming the property: a wrong deadline in production is far worse than no start.
            throw new IllegalStateException("Check onegrid.worktime.office-hours: " + e.getMessage(), e);
        }
        return WorkCalendar.fromClasspath(officeHours, properties.zone());
    }
}
