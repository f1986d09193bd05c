package org.onegrid.dispute.domain;

/** The level of a mediation body, lowest first: "小事不出村、大事不出镇、矛盾不上交". */
public enum Level {
    VILLAGE("村（社区）"),
    TOWN("乡镇（街道）"),
    COUNTY("县（区）"),
    CITY("市");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a dispute solved at this level counts as solved at the grassroots (村、镇). */
    public boolean grassroots() {
        return this == VILLAGE || this == TOWN;
    }
}
