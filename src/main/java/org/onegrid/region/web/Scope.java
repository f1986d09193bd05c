package org.onegrid.region.web;

import org.onegrid.region.CallerScope;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.shared.web.Problems;
import org.springframework.stereotype.Component;

/**
 * The caller's data scope as the region pages and API apply it: a region in the scope, or above it (whose outline
 * frames the scope), is found; anything else is answered as if it did not exist.
 */
@Component
class Scope {

    private final CallerScope caller;
    private final Regions regions;

    Scope(CallerScope caller, Regions regions) {
        this.caller = caller;
        this.regions = regions;
    }

    /** The region, if the caller sees it or lies inside it; else 404, as for an unknown code. */
    RegionView region(String code) {
        return regions.find(code)
                .filter(r -> caller.sees(r) || caller.isAbove(r))
                .orElseThrow(() -> Problems.notFound("Region", code));
    }

    boolean sees(RegionView region) {
        return caller.sees(region);
    }

    /** Whether the region is shown: seen, or above what is seen. */
    boolean shows(RegionView region) {
        return caller.sees(region) || caller.isAbove(region);
    }

    /** The region the caller's scope starts at (a city for city staff), or null when it is everything. */
    RegionView home() {
        String path = caller.path();
        if (path == null || path.isEmpty()) {
            return null;
        }
        return regions.all().stream()
                .filter(r -> r.path().equals(path))
                .findFirst()
                .orElse(null);
    }
}
