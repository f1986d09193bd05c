package org.onegrid.registry.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.springframework.stereotype.Component;

/** Names for the codes the registry keeps (grids, villages …), so its pages show 花园社区第1网格, not a code. */
@Component("registryPlaces")
class RegistryPlaces {

    private final Grids grids;
    private final Regions regions;

    RegistryPlaces(Grids grids, Regions regions) {
        this.grids = grids;
        this.regions = regions;
    }

    /** A grid with its village: 花园社区 第1网格. */
    public String grid(String code) {
        if (code == null) {
            return "";
        }
        return grids.location(code)
                .map(l -> l.grid().name().startsWith(l.village().name())
                        ? l.grid().name()
                        : l.village().name() + " " + l.grid().name())
                .orElse(code);
    }

    public String region(String code) {
        return code == null ? "" : regions.find(code).map(RegionView::name).orElse(code);
    }

    /** One step of the way from the city down to where a list stands. */
    record Crumb(String region, String grid, String name) {}

    /** The way from the top of the caller's scope down to the region or grid. */
    List<Crumb> crumbs(String regionCode, String gridCode, String scopePath) {
        List<Crumb> out = new ArrayList<>();
        String code = regionCode;
        if (gridCode != null) {
            code = grids.location(gridCode).map(l -> l.village().code()).orElse(null);
        }
        if (code != null) {
            List<RegionView> up = new ArrayList<>(regions.lineage(code));
            Collections.reverse(up);
            for (RegionView r : up) {
                if (r.path().startsWith(scopePath == null ? "" : scopePath)) {
                    out.add(new Crumb(r.code(), null, r.name()));
                }
            }
        }
        if (gridCode != null) {
            grids.find(gridCode).ifPresent(g -> out.add(new Crumb(null, g.code(), g.name())));
        }
        return out;
    }

    /** What lies one step below a region: its regions, or a village's grids. */
    List<Crumb> below(String regionCode) {
        List<RegionView> children = regions.children(regionCode);
        if (!children.isEmpty()) {
            return children.stream()
                    .map(r -> new Crumb(r.code(), null, r.name()))
                    .toList();
        }
        return grids.inRegion(regionCode).stream()
                .map(g -> new Crumb(null, g.code(), g.name()))
                .toList();
    }

    List<Crumb> gridsOf(java.util.Collection<String> codes) {
        return codes.stream().sorted().map(c -> new Crumb(null, c, grid(c))).toList();
    }

    List<RegionView> tops() {
        return regions.all().stream().filter(r -> r.parentCode() == null).toList();
    }

    java.util.Optional<Location> location(String gridCode) {
        return grids.location(gridCode);
    }

    java.util.Optional<GridView> findGrid(String code) {
        return grids.find(code);
    }
}
