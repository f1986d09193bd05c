package org.onegrid.incident.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onegrid.incident.IncidentView;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.shared.web.MapNavigation;
import org.springframework.stereotype.Component;

/**
 * An incident's place as people say it, for every incident page (workbench, inbox, phone) through
 * {@code fragments/place}: {@code ${@incidentPlaces.of(incident)}}.
 */
@Component("incidentPlaces")
class IncidentPlaces {

    private final Grids grids;
    private final Regions regions;
    private final MapNavigation navigation;

    IncidentPlaces(Grids grids, Regions regions, MapNavigation navigation) {
        this.grids = grids;
        this.regions = regions;
        this.navigation = navigation;
    }

    /**
     * @param line county · town · village · grid, by name
     * @param address the address given with the report, if any
     * @param townCode the town whose outlines frame the map
     * @param navigation the link that opens the point in a map app (导航), or null when none is configured
     */
    record PlaceView(
            String line, String address, Double lng, Double lat, String gridCode, String townCode, String navigation) {}

    public PlaceView of(IncidentView incident) {
        List<String> names = new ArrayList<>();
        Optional<Location> location = Optional.ofNullable(incident.gridCode()).flatMap(grids::location);
        if (location.isPresent()) {
            Location l = location.get();
            for (RegionView r : new RegionView[] {l.county(), l.town(), l.village()}) {
                if (r != null) {
                    names.add(r.name());
                }
            }
            names.add(l.grid().name());
        } else {
            // a grid since redrawn: the village still names the place
            regions.lineage(incident.villageCode()).stream()
                    .filter(r -> r.parentCode() != null)
                    .forEach(r -> names.add(r.name()));
        }
        String line = String.join(" · ", names);
        String address = incident.address() == null || incident.address().isBlank() ? null : incident.address();
        return new PlaceView(
                line,
                address,
                incident.longitude(),
                incident.latitude(),
                location.isPresent() ? incident.gridCode() : null,
                incident.townCode(),
                navigation.link(incident.longitude(), incident.latitude(), address == null ? line : address));
    }
}
