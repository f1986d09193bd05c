package org.onegrid.registry.domain;

public enum BuildingUse {
    RESIDENTIAL("住宅"),
    COMMERCIAL("商业"),
    MIXED("商住"),
    INDUSTRIAL("工业"),
    PUBLIC("公共"),
    OTHER("其他");

    private final String label;

    BuildingUse(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
