package org.onegrid.incident.domain;

/**
 * The levels of governance (层级), lowest first: the grid and the four levels of centres. Used for the level that
 * normally handles a catalog item, the level of a centre, and the level at which an incident was resolved (化解层级).
 */
public enum Level {
    GRID("网格"),
    VILLAGE("村社区"),
    TOWN("乡镇街道"),
    COUNTY("县区"),
    CITY("市");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The next level up, or null for the city. */
    public Level parent() {
        return this == CITY ? null : values()[ordinal() + 1];
    }

    public boolean isAbove(Level other) {
        return compareTo(other) > 0;
    }

    /** 基层: grid, village and town, whose share of resolved incidents is the 基层化解率. */
    public boolean isGrassroots() {
        return compareTo(TOWN) <= 0;
    }
}
