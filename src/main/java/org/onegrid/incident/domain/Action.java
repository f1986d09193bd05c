package org.onegrid.incident.domain;

/**
 * Everything that can happen to an incident (事件操作). Each names one row kind in {@link Transitions} and one
 * {@link HistoryEntry#action()}; outcomes that lead to different statuses (verification passed or failed) are
 * separate actions so that the table stays a plain function of status and action.
 */
public enum Action {
    REPORT("事件登记"),
    ACCEPT("受理"),
    REJECT("不予受理"),
    MERGE("合并"),
    /** 附议: a duplicate was merged into this incident ("me too"). */
    ADD_SUPPORTER("附议"),
    RESOLVE_ON_THE_SPOT("自行处置"),
    DISPATCH("派遣"),
    /** 下派: handed down to a lower centre, which then owns the incident. */
    DISPATCH_DOWN("下派"),
    SIGN("签收"),
    RETURN("退回"),
    REQUEST_EXTENSION("申请延期"),
    APPROVE_EXTENSION("批准延期"),
    DENY_EXTENSION("驳回延期"),
    /** 报到: an assisting department of a joint task (吹哨报到) reports in. */
    REPORT_IN("报到"),
    /** 协办反馈: an assisting department records its part of a joint task. */
    RECORD_PART("协办反馈"),
    COMPLETE("办结反馈"),
    VERIFY_PASS("核查通过"),
    VERIFY_FAIL("核查不通过"),
    ESCALATE("上报"),
    /** 超期自动上报: escalation by the system when a stage's deadline passed and the item's rule says so. */
    AUTO_ESCALATE("超期自动上报"),
    EVALUATE("评价"),
    REOPEN("重办"),
    URGE("催办"),
    SUPERVISE("督办"),
    /** 补充说明: the reporter adds to an open report (a detail, a follow-up), as its history shows it. */
    SUPPLEMENT("补充说明"),
    REPLY_SUPERVISION("督办回复"),
    /** 核定事项类型: the owning centre confirms or changes the item, as 智能分拨 learns from. */
    RECLASSIFY("核定事项类型"),
    MARK_OVERDUE("超期"),
    RECOUNT_DEADLINE("期限重算"),
    /** 转矛盾纠纷调解: handed to a mediation case of the dispute module; the incident waits for its outcome. */
    HAND_OVER("转矛盾纠纷调解"),
    /** 纠纷调处办结: the mediation case it was handed to concluded; the incident closes with its outcome. */
    CONCLUDE_HANDED_OVER("纠纷调处办结");

    private final String label;

    Action(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
