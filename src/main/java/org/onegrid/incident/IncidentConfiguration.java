package org.onegrid.incident;

import java.time.Clock;
import org.onegrid.casework.time.Deadlines;
import org.onegrid.worktime.WorkCalendars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The incident module's time: the statutory calendar for deadlines, and the clock every action is stamped with. */
@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

    @Bean
    Deadlines incidentDeadlines(WorkCalendars calendars) {
        return Deadlines.following(calendars::current);
    }

    /** The time of actions and of the overdue scan; tests replace it to move time forward. */
    @Bean
    Clock incidentClock() {
        return Clock.systemUTC();
    }
}
