package org.onegrid.worktime;

import org.onegrid.staff.AuditLog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Provides the {@link WorkCalendars} from the shipped and entered holiday data and the configured office hours. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorktimeProperties.class)
class WorktimeConfiguration {

    @Bean
    WorkCalendars workCalendars(
            WorktimeProperties properties, JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        return new WorkCalendars(
                ClasspathCalendar.load(), officeHours(properties), properties.zone(), jdbc, audit, events);
    }

    static OfficeHours officeHours(WorktimeProperties properties) {
        try {
            return OfficeHours.parse(properties.officeHours());
        } catch (IllegalArgumentException e) {
            // Fail at startup, naming the property: a wrong deadline in production is far worse than no start.
            throw new IllegalStateException("Check onegrid.worktime.office-hours: " + e.getMessage(), e);
        }
    }
}
