package org.onegrid.hazard;

import java.util.Map;

/** The history's actions as people read them. */
final class ActionLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("ORDER", "下达"),
            Map.entry("GENERATE", "生成任务"),
            Map.entry("STOP", "停止"),
            Map.entry("COMPLETE", "完成排查"),
            Map.entry("FIND", "发现隐患"),
            Map.entry("REGRADE", "调整等级"),
            Map.entry("NOTIFY", "下达整改通知"),
            Map.entry("PLAN_MEASURES", "落实“五到位”"),
            Map.entry("RECTIFY", "报告整改"),
            Map.entry("ACCEPT", "验收通过"),
            Map.entry("REJECT_RECTIFICATION", "验收不通过"),
            Map.entry("CLOSE", "销号"),
            Map.entry("OVERDUE", "逾期"),
            Map.entry("SUPERVISE", "挂牌督办"),
            Map.entry("REPORT", "月度调度"),
            Map.entry("MILESTONE", "节点完成"),
            Map.entry("URGE", "催办"),
            Map.entry("EVALUATE", "季度评估"));

    private ActionLabels() {}

    static String of(String action) {
        return LABELS.getOrDefault(action, action);
    }
}
