package org.onegrid.registry;

import org.onegrid.registry.domain.BuildingUse;

/** A building 建筑 with its footprint point. */
public record BuildingView(
        long id,
        long addressId,
        String name,
        Integer floors,
        BuildingUse use,
        double lng,
        double lat,
        String gridCode) {}
