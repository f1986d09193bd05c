package org.onegrid.registry;

/**
 * Register a standard address 标准地址, down to the room when it has one. Its grid, village, town and county follow
 * from its point (WGS 84).
 */
public record RegisterAddress(
        String road, String number, String building, String unit, String room, double lng, double lat) {}
