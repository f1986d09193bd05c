package org.onegrid.hazard.domain;

/**
 * How far from the place a task may be done: refused from {@code refuseMetres} on (the checker is not there),
 * flagged from {@code flagMetres} on (perhaps at the gate of a large site, perhaps not).
 */
public record PlaceRules(int flagMetres, int refuseMetres) {

    public static final PlaceRules DEFAULT = new PlaceRules(300, 5_000);
}
