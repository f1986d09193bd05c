package org.onegrid.hazard.domain;

/**
 * Who acts: a user, in the role they act in, for their organisation (a centre or a department) serving a region.
 *
 * @param regionPath the path of the region the organisation serves ({@code /3705/370523/}); its subtree is the
 *     actor's scope
 */
public record Actor(long userId, String name, String role, long orgId, String orgName, String regionPath) {

    /** Whether the actor's organisation serves a region strictly above the one given (a higher level). */
    public boolean isAbove(String otherRegionPath) {
        return otherRegionPath != null
                && otherRegionPath.startsWith(regionPath)
                && otherRegionPath.length() > regionPath.length();
    }

    public boolean covers(String otherRegionPath) {
        return otherRegionPath != null && otherRegionPath.startsWith(regionPath);
    }
}
