package org.onegrid.region;

/**
 * The part of the region tree the caller of the current request may see (数据权限), for the region module's pages
 * and API. The staff module, which knows who is signed in, provides it; what lies outside is answered as if it did
 * not exist.
 */
public interface CallerScope {

    /**
     * The region path the caller's scope starts at ({@code /3705/370523/}); every region whose path starts with it is
     * in scope. Empty: everything; null: nothing (nobody signed in).
     */
    String path();

    /** Whether the region lies in the caller's scope. */
    default boolean sees(RegionView region) {
        String path = path();
        return region != null && path != null && region.path().startsWith(path);
    }

    /** Whether the region is above the caller's scope (its outline frames what the caller sees). */
    default boolean isAbove(RegionView region) {
        String path = path();
        return region != null && path != null && path.startsWith(region.path()) && !path.equals(region.path());
    }
}
