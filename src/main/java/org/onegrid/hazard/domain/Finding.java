package org.onegrid.hazard.domain;

import java.util.List;

/** A failed checklist item, to become a hazard in the same step as the task's completion. */
public record Finding(
        String itemCode, String itemText, String note, Grade grade, String gradeReason, List<String> photoIds) {}
