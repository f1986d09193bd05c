package org.onegrid.dispute.domain;

/** 风险等级 of a dispute. */
public enum Risk {
    LOW("低风险"),
    MEDIUM("中风险"),
    HIGH("高风险");

    private final String label;

    Risk(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
