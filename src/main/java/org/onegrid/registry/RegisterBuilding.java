package org.onegrid.registry;

import org.onegrid.registry.domain.BuildingUse;

/** Register a building 建筑 at an address, with its footprint point. */
public record RegisterBuilding(long addressId, String name, Integer floors, BuildingUse use, double lng, double lat) {}
