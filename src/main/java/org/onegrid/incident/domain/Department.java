package org.onegrid.incident.domain;

/**
 * A functional department 职能部门 (or its county branch) that can be dispatched work: its organisation id and the
 * path of the region it serves (a city department serves the whole city).
 */
public record Department(long orgId, String regionPath) {

    public Department {
        RegionPaths.require(regionPath, "A department's region path");
    }
}
