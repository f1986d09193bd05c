package org.onegrid.incident.domain;

/**
 * Where an incident is (位置): coordinates and/or an address, as reported.
 *
 * @param longitude WGS-84 degrees, or null if only an address was given
 * @param latitude WGS-84 degrees, or null if only an address was given
 * @param address the address as reported, or null
 */
public record Place(Double longitude, Double latitude, String address) {

    public Place {
        if ((longitude == null) != (latitude == null)) {
            throw new IllegalArgumentException("Longitude and latitude come together");
        }
        if (longitude == null && (address == null || address.isBlank())) {
            throw new IllegalArgumentException("A place needs coordinates or an address");
        }
    }
}
