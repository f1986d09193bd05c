package org.onegrid.region;

/**
 * A region 行政区划 by its official code (4-digit city, 6-digit county, 9-digit town, 12-digit village).
 *
 * @param path the codes from the city down to this region, as {@code /3705/370502/370502001/}; a region's
 *     subtree is every region whose path starts with its path. Codes alone are not enough: the towns of a
 *     functional zone (e.g. 370571400 of 东营经济技术开发区) hang under their host county (370502).
 */
public record RegionView(String code, String name, RegionLevel level, String parentCode, String path) {

    /** Whether this region is {@code ancestor} or lies inside it. */
    public boolean isWithin(RegionView ancestor) {
        return path.startsWith(ancestor.path());
    }
}
