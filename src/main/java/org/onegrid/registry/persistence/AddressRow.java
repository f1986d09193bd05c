package org.onegrid.registry.persistence;

/** A standard address as stored. */
public record AddressRow(
        long id,
        String countyCode,
        String townCode,
        String villageCode,
        String road,
        String number,
        String building,
        String unit,
        String room,
        double lng,
        double lat,
        String gridCode,
        String regionPath) {}
