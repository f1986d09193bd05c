package org.onegrid.incident.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onegrid.incident.IncidentView;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.shared.web.MapNavigation;
import org.springframework.stereotype.Component;

/**
 * Places by name, never by code. For an incident's page (workbench, inbox, phone) through {@code fragments/place}:
 * {@code ${@placeNames.of(incident)}}, county · town · village · grid with the address and the 导航 link. For lists: {@code ${@placeNames.grid(i.gridCode())}} gives 花园社区第1网格 for
 * 370523101001001. Both come from the region module's in-memory index; a code it does not know (a grid since
 * removed) is shown as it is.
 */
@Component("placeNames")
public class PlaceNames {

    private final Grids grids;
    private final Regions regions;
    private final MapNavigation navigation;

    PlaceNames(Grids grids, Regions regions, MapNavigation navigation) {
        this.grids = grids;
        this.regions = regions;
        this.navigation = navigation;
    }

    /** The grid's name, e.g. 花园社区第1网格. */
    public String grid(String code) {
        return code == null ? "" : grids.find(code).map(GridView::name).orElse(code);
    }

    /** The region's name, e.g. 花园社区 for a village's code. */
    public String region(String code) {
        return code == null ? "" : regions.find(code).map(RegionView::name).orElse(code);
    }

    /** The grid's name with its village first when the name does not already say it: 花园社区 · 第1网格. */
    public String gridInVillage(String code) {
        return grids.find(code)
                .map(g -> {
                    String village = region(g.villageCode());
                    return g.name().startsWith(village) ? g.name() : village + " " + g.name();
                })
                .orElse(code == null ? "" : code);
    }

    /**
     * @param line county · town · village · grid, by name
     * @param address the address given with the report, if any
     * @param townCode the town whose outlines frame the map
     * @param navigation the link that opens the point in a map app (导航), or null when none is configured
     */
    public record PlaceView(
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
