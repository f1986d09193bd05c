package org.onegrid.integration.cascade;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.onegrid.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cascade's daily statistics for administrators: the figures of a day, and publishing them by hand. */
@RestController
@RequestMapping("/api/v1/cascade")
@PreAuthorize("hasRole('ADMIN')")
class CascadeApi {

    private final DailyStatistics statistics;
    private final CascadeSettings settings;

    CascadeApi(DailyStatistics statistics, CascadeSettings settings) {
        this.statistics = statistics;
        this.settings = settings;
    }

    /** Each county's figures of a day (yyyy-MM-dd), as the statistics event carries them. */
    @GetMapping("/statistics")
    List<DailyStatistics.CountyDay> figures(@RequestParam String day) {
        return statistics.figures(day(day));
    }

    /** What publishing did. */
    record Published(String day, int published) {}

    /**
     * Publishes a day's statistics now, for the counties not yet published (the nightly job does it for yesterday);
     * 409 while the cascade is off.
     */
    @PostMapping("/statistics")
    Published publish(@RequestParam String day) {
        LocalDate date = day(day);
        if (!settings.enabled()) {
            throw Problems.of(
                    HttpStatus.CONFLICT,
                    "cascade-off",
                    "The cascade is off: set onegrid.cascade.url, or onegrid.cascade.transport=kafka",
                    Map.of());
        }
        return new Published(date.toString(), statistics.publish(date));
    }

    private static LocalDate day(String day) {
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalid("day", "day must be a date like 2026-11-22");
        }
    }
}
