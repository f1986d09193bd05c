package org.onegrid.hazard;

import java.util.List;

/**
 * Completes a screening task at the place: the position, every checklist item answered with its evidence.
 *
 * @param version the task's version as read (optional)
 */
public record CompleteTask(Double lng, Double lat, List<GivenAnswer> answers, Integer version) {

    /**
     * @param verdict {@code PASS} 合格, {@code FAIL} 不合格, {@code NOT_APPLICABLE} 不适用
     * @param photoIds photos uploaded before, by the caller
     * @param grade for a failure: a grade other than the item's rule (then {@code gradeReason})
     */
    public record GivenAnswer(
            String itemCode, String verdict, String note, List<String> photoIds, String grade, String gradeReason) {}
}
