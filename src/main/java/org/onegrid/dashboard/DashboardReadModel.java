package org.onegrid.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.onegrid.incident.IncidentFactView;
import org.onegrid.incident.IncidentFacts;
import org.onegrid.region.Grids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes the read model {@code dashboard_incident} from the incident module's facts. */
@Component
class DashboardReadModel {

    private static final Set<String> ENDED = Set.of("CLOSED", "REJECTED", "MERGED");

    private static final String UPSERT = """
            INSERT INTO dashboard_incident (id, version, status, open, channel, item_code, item_name, category_code,
                   grid_code, village_code, town_code, county_code, region_path, longitude, latitude, reported_at,
                   deadline, lead_org_id, closed_at, on_time, resolution_level, satisfaction)
            VALUES (:id, :version, :status, :open, :channel, :itemCode, :itemName, :categoryCode, :gridCode,
                    :villageCode, :townCode, :countyCode, :regionPath, :longitude, :latitude, :reportedAt, :deadline,
                    :leadOrgId, :closedAt, :onTime, :resolutionLevel, :satisfaction)
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
                   open = EXCLUDED.open, channel = EXCLUDED.channel, item_code = EXCLUDED.item_code,
                   item_name = EXCLUDED.item_name, category_code = EXCLUDED.category_code,
                   grid_code = EXCLUDED.grid_code, village_code = EXCLUDED.village_code,
                   town_code = EXCLUDED.town_code, county_code = EXCLUDED.county_code,
                   region_path = EXCLUDED.region_path, longitude = EXCLUDED.longitude, latitude = EXCLUDED.latitude,
                   reported_at = EXCLUDED.reported_at, deadline = EXCLUDED.deadline,
                   lead_org_id = EXCLUDED.lead_org_id, closed_at = EXCLUDED.closed_at, on_time = EXCLUDED.on_time,
                   resolution_level = EXCLUDED.resolution_level, satisfaction = EXCLUDED.satisfaction
             WHERE dashboard_incident.version < EXCLUDED.version
            """;

    private final IncidentFacts facts;
    private final Grids grids;
    private final JdbcClient jdbc;

    DashboardReadModel(IncidentFacts facts, Grids grids, JdbcClient jdbc) {
        this.facts = facts;
        this.grids = grids;
        this.jdbc = jdbc;
    }

    /** Brings these incidents' rows up to date. */
    void refresh(Collection<UUID> ids) {
        facts.of(ids).forEach(this::upsert);
    }

    /**
     * Fills in every incident the read model lacks or holds at an older version; returns how many were seen. When it
     * holds as many rows as there are incidents, there is nothing to fill: the listener writes in each incident's own
     * transaction, so a row that exists is never behind, and walking millions of incidents at every start would
     * delay it by minutes.
     */
    long backfill() {
        long incidents = facts.count();
        long rows = jdbc.sql("SELECT count(*) FROM dashboard_incident")
                .query(Long.class)
                .single();
        if (rows == incidents) {
            return 0;
        }
        long seen = 0;
        UUID after = null;
        List<IncidentFactView> page;
        do {
            page = facts.after(after, 1000);
            page.forEach(this::upsert);
            seen += page.size();
            after = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == 1000);
        return seen;
    }

    private void upsert(IncidentFactView f) {
        Double lng = f.longitude();
        Double lat = f.latitude();
        if (lng == null) {
            // reported by address (hotline, visit): shown on the map at its grid
            var inside = grids.geometry(f.gridCode()).map(g -> g.getInteriorPoint());
            lng = inside.map(p -> p.getX()).orElse(null);
            lat = inside.map(p -> p.getY()).orElse(null);
        }
        jdbc.sql(UPSERT)
                .param("id", f.id())
                .param("version", f.version())
                .param("status", f.status())
                .param("open", !ENDED.contains(f.status()))
                .param("channel", f.channel())
                .param("itemCode", f.itemCode())
                .param("itemName", f.itemName())
                .param("categoryCode", f.categoryCode())
                .param("gridCode", f.gridCode())
                .param("villageCode", f.villageCode())
                .param("townCode", f.townCode())
                .param("countyCode", f.countyCode())
                .param("regionPath", f.regionPath())
                .param("longitude", lng)
                .param("latitude", lat)
                .param("reportedAt", timestamp(f.reportedAt()))
                .param("deadline", timestamp(f.stageDeadline()))
                .param("leadOrgId", f.leadOrgId())
                .param("closedAt", timestamp(f.closedAt()))
                .param("onTime", f.closedAt() != null && f.overdues() == 0)
                .param("resolutionLevel", f.resolutionLevel())
                .param("satisfaction", f.satisfaction())
                .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
