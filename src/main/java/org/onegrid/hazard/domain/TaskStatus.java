package org.onegrid.hazard.domain;

/** A screening task's state; 逾期未完成 is an open task past its due day (shown, not stored). */
public enum TaskStatus {
    OPEN("待排查"),
    DONE("已完成");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
