package org.onegrid.region;

/** A grid 网格: the smallest management unit, a polygon inside one village or community. */
public record GridView(String code, String name, String villageCode, GridType type, double areaSquareMetres) {}
