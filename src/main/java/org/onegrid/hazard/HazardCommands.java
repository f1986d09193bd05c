package org.onegrid.hazard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The commands on a hazard 隐患. {@code version} is the hazard's version as read: when given and no longer current,
 * the command is refused (409) rather than applied over someone else's change.
 */
public final class HazardCommands {

    private HazardCommands() {}

    /**
     * Registers a hazard found outside a screening task: on a visit, a patrol, handed over from an incident of the
     * 安全隐患 category, or directly.
     *
     * @param source {@code VISIT}, {@code PATROL}, {@code INCIDENT}, {@code REPORT}
     * @param sourceRef what it came from (the incident's or visit's id)
     * @param organisationId the registry organisation it lies at and that must rectify it (optional)
     * @param grade {@code GENERAL} 一般 or {@code MAJOR} 重大
     */
    public record ReportHazard(
            String source,
            String sourceRef,
            String description,
            String grade,
            Long organisationId,
            Double lng,
            Double lat,
            String placeName,
            List<String> photoIds) {}

    public record Regrade(String grade, String reason, Integer version) {}

    /**
     * 下达整改通知.
     *
     * @param unitKind {@code ORGANISATION} (a registry organisation) or {@code DEPARTMENT}; default: the unit found with
     *     the hazard
     */
    public record IssueNotice(String unitKind, Long unitId, LocalDate deadline, String requirements, Integer version) {}

    /** The "五到位" plan of a 重大隐患. */
    public record PlanMeasures(
            String measures,
            BigDecimal funds,
            LocalDate deadline,
            String responsible,
            String emergencyPlan,
            Integer version) {}

    public record ReportRectification(String note, List<String> photoIds, Integer version) {}

    public record Accept(Boolean passed, String comment, List<String> photoIds, Integer version) {}

    public record Close(String comment, Integer version) {}

    /** 挂牌督办 with its own deadline. */
    public record Supervise(LocalDate deadline, String comment, Integer version) {}
}
