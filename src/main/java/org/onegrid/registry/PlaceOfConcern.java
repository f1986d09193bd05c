package org.onegrid.registry;

/**
 * An organisation or place as the modules that screen it see it: no personal data, only its name, where it is and
 * in which grid. Organisations are not personal data, so no scope is applied to these reads; the caller scopes.
 *
 * @param regionPath the path of the village its address lies in
 */
public record PlaceOfConcern(
        long id,
        String name,
        String creditCode,
        String gridCode,
        String regionPath,
        String address,
        double lng,
        double lat) {}
