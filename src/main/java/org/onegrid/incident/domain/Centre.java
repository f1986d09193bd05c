package org.onegrid.incident.domain;

import java.util.Objects;

/**
 * A centre 综治中心 at one level, as far as an incident needs it: its organisation id, its level and the path of
 * the region it serves.
 */
public record Centre(long orgId, Level level, String regionPath) {

    public Centre {
        Objects.requireNonNull(level, "level");
        if (level == Level.GRID) {
            throw new IllegalArgumentException("There is no centre at grid level");
        }
        RegionPaths.require(regionPath, "A centre's region path");
    }
}
