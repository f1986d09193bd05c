package org.onegrid.dispute.domain;

/** Where a dispute mediation could not settle goes: "三裁一诉". */
public enum Exit {
    ARBITRATION("仲裁"),
    ADMINISTRATIVE_RULING("行政裁决"),
    ADMINISTRATIVE_REVIEW("行政复议"),
    LITIGATION("诉讼");

    private final String label;

    Exit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
