package org.onegrid.region;

/** Kinds of grid 网格. */
public enum GridType {
    URBAN("城市网格"),
    RURAL("农村网格"),
    DEDICATED("专属网格");

    private final String label;

    GridType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
