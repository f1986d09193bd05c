package org.onegrid.dispute.domain;

/** The actions of a dispute's path, as its history names them. */
public enum Action {
    RECEIVE("登记受理申请"),
    ACCEPT("受理"),
    REFUSE("不予受理"),
    ASSIGN("指派调解员"),
    SESSION("调解"),
    EXTEND("延长调解期限"),
    ESCALATE("上交调处"),
    AGREE("达成调解协议"),
    FAIL("调解不成"),
    CONFIRM("司法确认"),
    PERFORM("登记履行情况"),
    FOLLOW_UP("回访"),
    ARCHIVE("归档"),
    EVIDENCE("补充材料"),
    OVERDUE("超期");

    private final String label;

    Action(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
