package org.onegrid.registry.domain;

/** 性别, as the ID number's 17th digit gives it (odd: male). */
public enum Sex {
    MALE("男"),
    FEMALE("女");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
