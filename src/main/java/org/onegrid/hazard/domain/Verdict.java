package org.onegrid.hazard.domain;

/** A checklist item's answer. */
public enum Verdict {
    PASS("合格"),
    FAIL("不合格"),
    NOT_APPLICABLE("不适用");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
