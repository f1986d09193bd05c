package org.onegrid.incident.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.onegrid.shared.config.CityTime;
import org.springframework.stereotype.Component;

/** Times on the incident pages, in the city's local time: {@code ${@incidentTimes.at(i.reportedAt)}}. */
@Component("incidentTimes")
public class IncidentTimes {

    static final ZoneId LOCAL = CityTime.ZONE;

    private static final DateTimeFormatter FULL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(LOCAL);
    private static final DateTimeFormatter SHORT =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(LOCAL);
    static final DateTimeFormatter CLOCK_FORMAT =
            DateTimeFormatter.ofPattern("HH:mm").withZone(LOCAL);

    public String at(Instant instant) {
        return instant == null ? "" : FULL.format(instant);
    }

    private final Clock clock;

    IncidentTimes(Clock clock) {
        this.clock = clock;
    }

    /** Month, day and time; with the year as well when it is not this year (a case from last year says so). */
    public String shortAt(Instant instant) {
        if (instant == null) {
            return "";
        }
        boolean thisYear =
                instant.atZone(LOCAL).getYear() == clock.instant().atZone(LOCAL).getYear();
        return (thisYear ? SHORT : FULL).format(instant);
    }

    public String clock(Instant instant) {
        return instant == null ? "" : CLOCK_FORMAT.format(instant);
    }

    /** A duration as hours, e.g. {@code 16}; minutes only when there are any ({@code 1.5}). */
    public String hours(Duration duration) {
        if (duration == null) {
            return "";
        }
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? Long.toString(minutes / 60) : String.format("%.1f", minutes / 60.0);
    }
}
