package org.onegrid.region;

/** Where a point lies: its grid and the regions above it, from village up to city. */
public record Location(GridView grid, RegionView village, RegionView town, RegionView county, RegionView city) {}
