package org.onegrid.hazard.domain;

/** Where a hazard was found. */
public enum Source {
    TASK("排查任务"),
    VISIT("入户走访"),
    PATROL("网格巡查"),
    INCIDENT("事件转办"),
    REPORT("直接登记");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
