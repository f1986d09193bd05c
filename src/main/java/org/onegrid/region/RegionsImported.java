package org.onegrid.region;

/** A city's divisions and boundaries were imported (or re-imported). */
public record RegionsImported(String cityCode, int regions) {}
