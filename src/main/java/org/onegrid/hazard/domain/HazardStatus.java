package org.onegrid.hazard.domain;

/** Where a hazard stands: found → 整改通知 → rectified → 验收 → 销号. */
public enum HazardStatus {
    /** 待下达整改通知: found, graded, not yet notified to its unit. */
    FOUND("待下达整改通知"),
    /** 整改中: the notice is out, the deadline runs. */
    RECTIFYING("整改中"),
    /** 待验收: the unit reported its rectification with evidence. */
    RECTIFIED("已整改待验收"),
    /** 已验收: the issuing level checked it on site. */
    ACCEPTED("已验收待销号"),
    /** 已销号. */
    CLOSED("已销号");

    private final String label;

    HazardStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this != CLOSED;
    }
}
