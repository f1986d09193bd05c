package org.onegrid.catalog;

/** The level that normally handles a catalog item (处置层级), lowest first. */
public enum HandlingLevel {
    GRID("网格"),
    VILLAGE("村社区"),
    TOWN("乡镇街道"),
    COUNTY("县区"),
    CITY("市");

    private final String label;

    HandlingLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
