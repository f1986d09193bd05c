package org.onegrid.dispute.domain;

/** Where a dispute stands on its path. */
public enum Status {
    /** 待受理: taken in, to be assessed. */
    RECEIVED("待受理", true),
    /** 不予受理 (terminal until archived). */
    REFUSED("不予受理", false),
    /** 已受理: accepted by the owning body, waiting for a mediator. */
    ACCEPTED("已受理待指派", true),
    /** 调解中. */
    MEDIATING("调解中", true),
    /** 已达成协议: to be performed (and confirmed by the court if asked). */
    AGREED("已达成协议", false),
    /** 调解不成: referred to 仲裁, 行政裁决, 行政复议 or 诉讼; ends the case. */
    FAILED("调解终结", false),
    /** 履行已登记: waiting for the follow-up visit. */
    PERFORMED("履行已登记", false),
    /** 已回访. */
    FOLLOWED_UP("已回访", false),
    /** 已归档. */
    ARCHIVED("已归档", false);

    private final String label;
    private final boolean open;

    Status(String label, boolean open) {
        this.label = label;
        this.open = open;
    }

    public String label() {
        return label;
    }

    /** Whether the case is still being assessed or mediated: the time limit runs. */
    public boolean open() {
        return open;
    }
}
