package org.onegrid.region;

/**
 * This node reloaded the regions and grids because another node imported them: what was derived from them here (a
 * routing cache) is stale. Published on the node that reloads, outside any transaction; the node that imported
 * publishes {@link RegionsImported} or {@link GridsChanged} instead.
 */
public record RegionsReloaded(long stamp) {}
