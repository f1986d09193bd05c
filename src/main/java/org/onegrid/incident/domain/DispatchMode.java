package org.onegrid.incident.domain;

/** How a centre hands an incident on (派遣方式). */
public enum DispatchMode {
    /** 单派: one department handles it. */
    SINGLE("单派"),
    /** 双派单: a department handles it, the grid worker supervises and verifies on site. */
    DUAL("双派单"),
    /** 吹哨报到: a lead department plus assisting departments, each of which reports in and records its part. */
    JOINT("吹哨报到"),
    /** 下派: down to a lower centre, which then owns the incident. */
    DOWN("下派");

    private final String label;

    DispatchMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
