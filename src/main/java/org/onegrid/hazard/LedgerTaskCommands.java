package org.onegrid.hazard;

import java.time.LocalDate;
import java.util.List;

/**
 * The commands on a ledger task 任务台账. {@code version} is the task's version as read: when given and no longer
 * current, the command is refused (409).
 */
public final class LedgerTaskCommands {

    private LedgerTaskCommands() {}

    /**
     * @param kind {@code PILOT} 试点任务, {@code KEY_PROJECT} 重点项目, {@code OTHER} 重点工作
     * @param leadOrgId the lead unit 牵头单位 (a centre or department)
     * @param coUnitIds the co-units 配合单位
     */
    public record OrderTask(
            String kind, String title, String goal, Long leadOrgId, List<Long> coUnitIds, List<Milestone> milestones) {}

    public record Milestone(String name, LocalDate deadline) {}

    /** @param month {@code 2026-12} */
    public record Report(String month, String progress, Integer version) {}

    public record CompleteMilestone(Integer number, String evidence, Integer version) {}

    public record Urge(Integer number, String comment, Integer version) {}

    /**
     * @param quarter {@code 2026-Q4}
     * @param result {@code MET} 达标 or {@code NOT_MET} 未达标
     */
    public record Evaluate(String quarter, String result, String comment, Integer version) {}

    public record Close(String comment, Integer version) {}
}
