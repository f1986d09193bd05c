package org.onegrid.integration.cascade;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.onegrid.incident.IncidentActionRecorded;
import org.onegrid.incident.IncidentClosed;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.Regions;
import org.onegrid.shared.config.CityTime;
import org.onegrid.staff.Organisations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns the incident module's events into the cascade's, in the transaction of the action: incident reported, closed,
 * escalated to the city centre (上报至市级), overdue (超期). It also counts each county's day (reported, closed, closed
 * at the grassroots, escalated to the city, overdue) for the nightly statistics event; the counting runs whether
 * the cascade is on or not, so that switching it on reports whole days.
 */
@Component
class CascadeEvents {

    static final ZoneId LOCAL = CityTime.ZONE;
    private static final Set<String> GRASSROOTS = Set.of("GRID", "VILLAGE", "TOWN");

    private final CascadeSettings settings;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Regions regions;
    private final Map<Long, Boolean> cityCentres = new ConcurrentHashMap<>();
    /** The sequence of the history entry that closed an incident, for the {@link IncidentClosed} that follows it. */
    private final Map<UUID, Long> closing = new ConcurrentHashMap<>();

    CascadeEvents(
            CascadeSettings settings,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Organisations organisations,
            Regions regions) {
        this.settings = settings;
        this.events = events;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.regions = regions;
    }

    /** The stable id of the cascade event of one history entry. */
    static UUID eventId(String type, UUID incidentId, long sequence) {
        return UUID.nameUUIDFromBytes(
                ("cascade:" + type + ":" + incidentId + ":" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    @EventListener
    void on(IncidentActionRecorded e) {
        String county = county(e.regionPath());
        LocalDate day = e.at().atZone(LOCAL).toLocalDate();
        switch (e.action()) {
            case "REPORT" -> {
                count(county, day, "reported");
                publish(CascadeEvent.REPORTED, e, Map.of());
            }
            case "ESCALATE", "AUTO_ESCALATE" -> {
                if (isCityCentre(e.ownerOrgId())) {
                    count(county, day, "escalated_to_city");
                    publish(
                            CascadeEvent.ESCALATED_TO_CITY,
                            e,
                            Map.of("automatic", e.action().equals("AUTO_ESCALATE"), "toOrgId", e.ownerOrgId()));
                }
            }
            case "MARK_OVERDUE" -> {
                count(county, day, "overdue");
                publish(CascadeEvent.OVERDUE, e, Map.of("status", e.toStatus()));
            }
            default -> {
                if ("CLOSED".equals(e.toStatus()) && !"CLOSED".equals(e.fromStatus())) {
                    closing.put(e.incidentId(), e.sequence());
                }
            }
        }
    }

    @EventListener
    void on(IncidentClosed e) {
        Long sequence = closing.remove(e.incidentId());
        String county = county(e.regionPath());
        LocalDate day = e.at().atZone(LOCAL).toLocalDate();
        count(county, day, "closed");
        if (GRASSROOTS.contains(e.resolutionLevel())) {
            count(county, day, "closed_grassroots");
        }
        if (!settings.enabled()) {
            return;
        }
        long seq = sequence == null ? Long.MAX_VALUE : sequence;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incidentId", e.incidentId());
        data.put("number", e.number());
        data.put("closedBy", e.closedBy());
        data.put("resolutionLevel", e.resolutionLevel());
        data.put("regionPath", e.regionPath());
        data.put("countyCode", county);
        data.put("itemCode", e.itemCode());
        data.put("reportedAt", e.reportedAt());
        data.put("ownerOrgId", e.ownerOrgId());
        events.publishEvent(new CascadeEvent(
                eventId(CascadeEvent.CLOSED, e.incidentId(), seq),
                CascadeEvent.CLOSED,
                e.at(),
                e.incidentId().toString(),
                seq,
                data));
    }

    private void publish(String type, IncidentActionRecorded e, Map<String, Object> extra) {
        if (!settings.enabled()) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incidentId", e.incidentId());
        data.put("number", e.number());
        data.put("action", e.action());
        data.put("status", e.toStatus());
        data.put("channel", e.channel());
        data.put("itemCode", e.itemCode());
        data.put("gridCode", e.gridCode());
        data.put("regionPath", e.regionPath());
        data.put("countyCode", county(e.regionPath()));
        data.put("ownerOrgId", e.ownerOrgId());
        data.putAll(extra);
        events.publishEvent(new CascadeEvent(
                eventId(type, e.incidentId(), e.sequence()),
                type,
                e.at(),
                e.incidentId().toString(),
                e.sequence(),
                data));
    }

    private boolean isCityCentre(long orgId) {
        return cityCentres.computeIfAbsent(
                orgId,
                id -> organisations
                        .find(id)
                        .flatMap(org -> regions.find(org.regionCode()))
                        .map(region -> region.level() == RegionLevel.CITY)
                        .orElse(false));
    }

    private void count(String county, LocalDate day, String kind) {
        if (county == null) {
            return;
        }
        jdbc.sql("INSERT INTO cascade_count (county_code, day, kind) VALUES (:county, :day, :kind)")
                .param("county", county)
                .param("day", Date.valueOf(day))
                .param("kind", kind)
                .update();
    }

    /** The county code of a village path {@code /3705/370523/370523101/370523101211/}, or null above a county. */
    static String county(String regionPath) {
        if (regionPath == null) {
            return null;
        }
        String[] parts = regionPath.split("/");
        return parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
    }
}
