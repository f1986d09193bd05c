package org.onegrid.hazard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A ledger task 任务台账 with its milestones, monthly reports and quarterly evaluations.
 *
 * @param number as people quote it ({@code RW0007})
 * @param overdueMilestones open milestones past their deadline
 */
public record LedgerTaskView(
        UUID id,
        String number,
        String kind,
        String kindLabel,
        String title,
        String goal,
        String orderedBy,
        long leadOrgId,
        String leadName,
        List<Unit> coUnits,
        List<MilestoneView> milestones,
        int milestonesDone,
        int overdueMilestones,
        LocalDate nextDeadline,
        List<Report> reports,
        List<Evaluation> evaluations,
        boolean closed,
        Instant closedAt,
        int version) {

    public record Unit(long id, String name) {}

    public record MilestoneView(
            int number,
            String name,
            LocalDate deadline,
            LocalDate doneOn,
            String evidence,
            boolean overdue,
            LocalDate urgedOn) {}

    public record Report(String unit, String month, String progress, Instant reportedAt) {}

    public record Evaluation(String quarter, String result, String resultLabel, String comment, Instant evaluatedAt) {}
}
