package org.onegrid.incident.web.frontline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.onegrid.incident.web.IncidentTimes;
import org.onegrid.shared.config.CityTime;
import org.springframework.stereotype.Component;

/** Times as the pages show them, in the city's local time: {@code ${@frontlineTimes.at(x)}}. */
@Component("frontlineTimes")
class Times {

    private static final ZoneId LOCAL = CityTime.ZONE;
    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(LOCAL);
    private final IncidentTimes incidentTimes;

    Times(IncidentTimes incidentTimes) {
        this.incidentTimes = incidentTimes;
    }

    public String at(Instant instant) {
        return instant == null ? "" : AT.format(instant);
    }

    /** Month, day and time, with the year when it is not this year. */
    public String brief(Instant instant) {
        return incidentTimes.shortAt(instant);
    }

    public long hours(Duration duration) {
        return duration == null ? 0 : duration.toHours();
    }
}
