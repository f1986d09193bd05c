package org.onegrid.incident.scan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.onegrid.casework.time.Deadlines;
import org.onegrid.incident.domain.Decision;
import org.onegrid.incident.domain.IncidentId;
import org.onegrid.incident.persistence.IncidentRows;
import org.onegrid.incident.persistence.IncidentStore;
import org.onegrid.worktime.CalendarYearEntered;
import org.onegrid.worktime.WorkCalendars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 期限重算: when an administrator enters a year's official holiday arrangement, every open incident whose running
 * stage is counted over that year gets its deadline counted again on it, keeping the working time the stage was
 * given, each change in its history. In the entering transaction: the year is in force with every deadline counted
 * on it, or not at all.
 */
@Component
class DeadlineRecount {

    private static final Logger log = LoggerFactory.getLogger(DeadlineRecount.class);

    private final IncidentRows rows;
    private final IncidentStore store;
    private final WorkCalendars calendars;
    private final Clock clock;

    DeadlineRecount(IncidentRows rows, IncidentStore store, WorkCalendars calendars, Clock clock) {
        this.rows = rows;
        this.store = store;
        this.calendars = calendars;
        this.clock = clock;
    }

    @EventListener
    void on(CalendarYearEntered entered) {
        Deadlines before = Deadlines.of(calendars.current().with(entered.replaced()));
        ZoneId zone = calendars.current().zone();
        int year = entered.year().year();
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        int recounted = 0;
        for (IncidentId id : rows.runningStagesOver(from, to)) {
            IncidentStore.Loaded loaded = store.load(id).orElse(null);
            if (loaded == null) {
                continue;
            }
            long version = loaded.incident().version();
            Decision decision = loaded.incident().recountDeadline(now, before);
            if (decision.isAllowed() && store.save(loaded, version, now)) {
                recounted++;
            }
        }
        log.info("Holiday arrangement of {}: {} open deadlines counted again", year, recounted);
    }
}
