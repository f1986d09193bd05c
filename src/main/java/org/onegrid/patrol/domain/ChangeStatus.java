package org.onegrid.patrol.domain;

public enum ChangeStatus {
    PENDING("待确认"),
    CONFIRMED("已确认"),
    REJECTED("已驳回");

    private final String label;

    ChangeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
