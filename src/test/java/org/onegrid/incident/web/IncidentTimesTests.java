package org.onegrid.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Dates in the lists: a case from another year says which. */
class IncidentTimesTests {

    final IncidentTimes times = new IncidentTimes(Clock.fixed(Instant.parse("2026-12-03T06:00:00Z"), ZoneOffset.UTC));

    @Test
    void aDateOfThisYearShowsMonthDayAndTime() {
        assertThat(times.shortAt(Instant.parse("2026-11-23T02:32:00Z"))).isEqualTo("11-23 10:32");
    }

    @Test
    void aDateOfLastYearShowsItsYear() {
        assertThat(times.shortAt(Instant.parse("2025-12-20T02:32:00Z"))).isEqualTo("2025-12-20 10:32");
    }

    @Test
    void theYearIsTheCitysNotUtcs() {
        // 2025-12-31 16:30 UTC is already 2026-01-01 00:30 in the city
        assertThat(times.shortAt(Instant.parse("2025-12-31T16:30:00Z"))).isEqualTo("01-01 00:30");
    }
}
