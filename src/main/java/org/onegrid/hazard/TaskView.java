package org.onegrid.hazard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A screening task 排查任务 with its checklist and, once done, its answers.
 *
 * @param state {@code OPEN} 待排查, {@code MISSED} 逾期未完成, {@code DONE} 已完成
 */
public record TaskView(
        UUID id,
        UUID planId,
        String planName,
        String period,
        String targetName,
        Long targetOrgId,
        String gridCode,
        Double lng,
        Double lat,
        String ownerLabel,
        LocalDate opensOn,
        LocalDate dueOn,
        String state,
        String stateLabel,
        Instant doneAt,
        String doneBy,
        Integer distanceMetres,
        boolean far,
        boolean late,
        int findings,
        List<PlanView.ItemView> checklist,
        List<AnswerView> answers,
        List<UUID> hazardIds,
        int version) {

    public record AnswerView(
            String itemCode, String verdict, String verdictLabel, String note, List<String> photoIds, String grade) {}
}
