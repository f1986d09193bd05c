package org.onegrid.hazard.domain;

/** A hazard's grade 隐患等级. */
public enum Grade {
    /** 一般隐患: rectified by the unit itself within its deadline. */
    GENERAL("一般隐患"),
    /** 重大隐患: needs the "五到位" plan and is followed by the issuing level. */
    MAJOR("重大隐患");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
