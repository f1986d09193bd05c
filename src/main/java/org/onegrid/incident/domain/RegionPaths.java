package org.onegrid.incident.domain;

/**
 * Region paths as the region module keeps them, {@code /3705/370523/370523101/}: a region's subtree is every path
 * that starts with its path. The trailing slash keeps {@code /3705/37050/} from covering {@code /3705/370502/}.
 */
final class RegionPaths {

    private RegionPaths() {}

    static String require(String path, String what) {
        if (path == null || !path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException(what + " must be a region path like /3705/370502/, not " + path);
        }
        return path;
    }

    /** Whether {@code path} lies in the subtree of {@code ancestor} (or is it). */
    static boolean covers(String ancestor, String path) {
        return ancestor != null && path != null && path.startsWith(ancestor);
    }

    /** Whether {@code path} lies in the subtree of {@code ancestor} and is not it. */
    static boolean strictlyCovers(String ancestor, String path) {
        return covers(ancestor, path) && path.length() > ancestor.length();
    }
}
