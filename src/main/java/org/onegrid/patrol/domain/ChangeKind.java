package org.onegrid.patrol.domain;

/** What a visitor found changed in a household (信息有变, 已搬离). */
public enum ChangeKind {
    MEMBER_MOVED_OUT("成员迁出"),
    MEMBER_DIED("成员死亡"),
    HOUSEHOLD_MOVED_AWAY("整户搬离"),
    OTHER("其他变化");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean namesMember() {
        return this == MEMBER_MOVED_OUT || this == MEMBER_DIED;
    }
}
