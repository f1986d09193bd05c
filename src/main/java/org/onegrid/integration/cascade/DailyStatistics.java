package org.onegrid.integration.cascade;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.Regions;
import org.onegrid.shared.config.CityTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly statistics per county (日报): after midnight, one {@code DAILY_STATISTICS} event per county for the day
 * before — reported, closed, closed at the grassroots (基层化解), escalated to the city, overdue — each county and
 * day once, however often the job runs (once across nodes: ShedLock).
 */
@Component
class DailyStatistics {

    private static final Logger log = LoggerFactory.getLogger(DailyStatistics.class);
    static final List<String> KINDS =
            List.of("reported", "closed", "closed_grassroots", "escalated_to_city", "overdue");

    private final CascadeSettings settings;
    private final JdbcClient jdbc;
    private final Regions regions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock = Clock.systemUTC();

    DailyStatistics(
            CascadeSettings settings,
            JdbcClient jdbc,
            Regions regions,
            ApplicationEventPublisher events,
            TransactionTemplate tx) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.regions = regions;
        this.events = events;
        this.tx = tx;
    }

    /** A county's figures of one day. */
    record CountyDay(String countyCode, String countyName, LocalDate day, Map<String, Long> figures) {}

    @Scheduled(cron = "${onegrid.cascade.statistics-cron:0 30 0 * * *}", zone = CityTime.ZONE_ID)
    @SchedulerLock(name = "cascade-daily-statistics", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void nightly() {
        LocalDate yesterday =
                clock.instant().atZone(CascadeEvents.LOCAL).toLocalDate().minusDays(1);
        int published = publish(yesterday);
        jdbc.sql("DELETE FROM cascade_count WHERE day < :before")
                .param("before", Date.valueOf(yesterday.minusDays(400)))
                .update();
        log.info("Daily statistics of {}: {} county events published", yesterday, published);
    }

    /** Each county's figures of {@code day}, from what was counted. */
    List<CountyDay> figures(LocalDate day) {
        Map<String, Map<String, Long>> counted = new HashMap<>();
        jdbc.sql("SELECT county_code, kind, count(*) FROM cascade_count WHERE day = :day GROUP BY county_code, kind")
                .param("day", Date.valueOf(day))
                .query((rs, n) -> counted.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        return regions.byLevel(RegionLevel.COUNTY).stream()
                .map(county -> {
                    Map<String, Long> figures = new LinkedHashMap<>();
                    Map<String, Long> of = counted.getOrDefault(county.code(), Map.of());
                    KINDS.forEach(kind -> figures.put(kind, of.getOrDefault(kind, 0L)));
                    return new CountyDay(county.code(), county.name(), day, figures);
                })
                .toList();
    }

    /**
     * Publishes the statistics events of {@code day} for the counties not yet published; nothing while the cascade
     * is off. @return how many were published
     */
    int publish(LocalDate day) {
        if (!settings.enabled()) {
            return 0;
        }
        Integer published = tx.execute(status -> {
            int n = 0;
            Instant now = clock.instant();
            for (CountyDay county : figures(day)) {
                UUID eventId = eventId(county.countyCode(), day);
                boolean first = jdbc.sql("""
                        INSERT INTO cascade_statistics_sent (county_code, day, event_id, published_at)
                        VALUES (:county, :day, :event, :now) ON CONFLICT DO NOTHING
                        """)
                                .param("county", county.countyCode())
                                .param("day", Date.valueOf(day))
                                .param("event", eventId)
                                .param("now", Timestamp.from(now))
                                .update()
                        > 0;
                if (!first) {
                    continue;
                }
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("countyCode", county.countyCode());
                data.put("countyName", county.countyName());
                data.put("day", day.toString());
                county.figures().forEach((kind, value) -> data.put(camel(kind), value));
                events.publishEvent(new CascadeEvent(
                        eventId,
                        CascadeEvent.DAILY_STATISTICS,
                        day.plusDays(1).atStartOfDay(CascadeEvents.LOCAL).toInstant(),
                        "statistics:" + county.countyCode(),
                        day.toEpochDay(),
                        data));
                n++;
            }
            return n;
        });
        return published == null ? 0 : published;
    }

    static UUID eventId(String county, LocalDate day) {
        return UUID.nameUUIDFromBytes(("cascade:statistics:" + county + ":" + day).getBytes(StandardCharsets.UTF_8));
    }

    private static String camel(String kind) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kind.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
