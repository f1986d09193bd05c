package org.onegrid.dashboard;

import java.util.Map;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Which region a dashboard shows: the one asked for, if it lies in the caller's scope, else the caller's own region
 * (a leader: the city; a county dispatcher: the county). Asking for a region outside the scope is refused (403).
 */
@Component
class DashboardScope {

    private final Regions regions;

    DashboardScope(Regions regions) {
        this.regions = regions;
    }

    RegionView resolve(String requested, StaffPrincipal me) {
        RegionView home = regions.find(me.regionCode())
                .or(() -> regions.byLevel(RegionLevel.CITY).stream().findFirst())
                .orElseThrow(() -> Problems.notFound("Region", me.regionCode()));
        if (requested == null || requested.isBlank()) {
            return home;
        }
        RegionView region =
                regions.find(requested.strip()).orElseThrow(() -> Problems.notFound("Region", requested.strip()));
        if (!me.canSee(region)) {
            throw Problems.of(
                    HttpStatus.FORBIDDEN,
                    "outside-scope",
                    "Region " + region.code() + " lies outside your data scope",
                    Map.of("region", region.code()));
        }
        return region;
    }
}
