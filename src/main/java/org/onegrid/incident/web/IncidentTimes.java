package org.onegrid.incident.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times on the incident pages, in the city's local time: {@code ${@incidentTimes.at(i.reportedAt)}}. */
@Component("incidentTimes")
class IncidentTimes {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter FULL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(LOCAL);
    private static final DateTimeFormatter SHORT =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(LOCAL);
    static final DateTimeFormatter CLOCK_FORMAT =
            DateTimeFormatter.ofPattern("HH:mm").withZone(LOCAL);

    public String at(Instant instant) {
        return instant == null ? "" : FULL.format(instant);
    }

    public String shortAt(Instant instant) {
        return instant == null ? "" : SHORT.format(instant);
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
