package org.onegrid.registry;

/**
 * A standard address 标准地址 with its point and the regions it lies in.
 *
 * @param line the address as one line, from the road down to the room (幸福路1号3号楼2单元301)
 */
public record AddressView(
        long id,
        String line,
        String road,
        String number,
        String building,
        String unit,
        String room,
        double lng,
        double lat,
        String gridCode,
        String villageCode,
        String townCode,
        String countyCode) {}
