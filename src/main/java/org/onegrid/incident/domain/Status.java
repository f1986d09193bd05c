package org.onegrid.incident.domain;

/** Where an incident stands in the loop (事件状态). */
public enum Status {
    /** 待受理: reported, waiting for the owning centre to accept it. */
    REPORTED("待受理"),
    /** 已受理: accepted (立案) and owned by a centre, which dispatches, escalates or resolves it. */
    ACCEPTED("已受理"),
    /** 已派遣: dispatched, waiting for the handling department to sign for it. */
    DISPATCHED("已派遣"),
    /** 处置中: signed for and being handled. */
    IN_PROGRESS("处置中"),
    /** 已处置待核查: the department reported it done; waiting for verification on site. */
    HANDLED("已处置待核查"),
    /** 已结案: verified or resolved on the spot. Can still be evaluated and, after 不满意, reopened. */
    CLOSED("已结案"),
    /** 不予受理: refused at intake; terminal. */
    REJECTED("不予受理"),
    /** 已合并: a duplicate merged into another incident; terminal. */
    MERGED("已合并");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether nothing can happen to an incident in this status any more. */
    public boolean isTerminal() {
        return this == REJECTED || this == MERGED;
    }

    /** Whether the incident is still being worked on: reported and not yet closed, rejected or merged. */
    public boolean isOpen() {
        return this != CLOSED && !isTerminal();
    }
}
