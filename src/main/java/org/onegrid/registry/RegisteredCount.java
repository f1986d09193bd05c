package org.onegrid.registry;

/** Households and persons (members of a household) registered in a grid: the denominators of visit coverage. */
public record RegisteredCount(String gridCode, String regionPath, int households, int persons) {}
