package org.onegrid.casework;

import org.onegrid.casework.time.Deadlines;
import org.onegrid.worktime.WorkCalendars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time of every kind of case: deadlines on the statutory calendar, the one in force at the moment of counting (it
 * changes when a year is entered).
 */
@Configuration(proxyBeanMethods = false)
class CaseworkConfiguration {

    @Bean
    Deadlines caseDeadlines(WorkCalendars calendars) {
        return Deadlines.following(calendars::current);
    }
}
