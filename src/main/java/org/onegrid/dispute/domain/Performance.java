package org.onegrid.dispute.domain;

/** How an agreement was performed (履行情况) by its due date. */
public enum Performance {
    FULL("全部履行"),
    PARTIAL("部分履行"),
    NONE("未履行");

    private final String label;

    Performance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
