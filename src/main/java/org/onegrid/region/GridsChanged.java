package org.onegrid.region;

/** Grids were imported or generated; {@code total} is the number of grids now known. */
public record GridsChanged(int total) {}
