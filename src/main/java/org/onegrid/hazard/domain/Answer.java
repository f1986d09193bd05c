package org.onegrid.hazard.domain;

import java.util.List;

/**
 * The answer to one checklist item.
 *
 * @param note what was seen; required for 不合格 (it describes the hazard) and 不适用 (why), and where the item asks
 * @param grade for 不合格, a grade other than the item's rule; then {@code gradeReason} is required
 */
public record Answer(
        String itemCode, Verdict verdict, String note, List<String> photoIds, Grade grade, String gradeReason) {

    public Answer {
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }

    public Answer(String itemCode, Verdict verdict, String note, List<String> photoIds) {
        this(itemCode, verdict, note, photoIds, null, null);
    }
}
