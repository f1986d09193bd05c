package org.onegrid.hazard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A hazard as the ledger and its page show it.
 *
 * @param number 隐患编号 as people quote it ({@code YH000123})
 * @param light {@code GREEN} / {@code YELLOW} / {@code RED} while being rectified; null otherwise
 * @param daysOverdue whole days past the current deadline while being rectified
 */
public record HazardView(
        UUID id,
        String number,
        String source,
        String sourceLabel,
        String sourceRef,
        String itemText,
        String description,
        String grade,
        String gradeLabel,
        String gradeReason,
        String gridCode,
        String regionCode,
        String placeName,
        Double lng,
        Double lat,
        Instant foundAt,
        String foundBy,
        String unitKind,
        Long unitId,
        String unitName,
        String status,
        String statusLabel,
        String issuer,
        String requirements,
        LocalDate deadline,
        String light,
        String lightLabel,
        long daysOverdue,
        Measures measures,
        Instant rectifiedAt,
        Boolean rectifiedOnTime,
        int returns,
        int supervisionLevel,
        String supervisor,
        Instant closedAt,
        int version) {

    /** The "五到位" plan: 措施、资金、时限、责任人、应急预案. */
    public record Measures(
            String measures, BigDecimal funds, LocalDate deadline, String responsible, String emergencyPlan) {}

    /** A hazard with its history and photos, for its page. */
    public record Detail(HazardView hazard, List<HistoryStep> history, boolean historyIntact, List<UUID> photoIds) {}

    /** One step of the history, as shown. */
    public record HistoryStep(
            long sequence,
            Instant at,
            String actorName,
            String role,
            String action,
            String actionLabel,
            String fromStatus,
            String toStatus,
            String comment,
            String detail,
            List<String> attachmentIds,
            String hash) {}
}
