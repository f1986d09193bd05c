package org.onegrid.hazard;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A screening plan as people read it. */
public record PlanView(
        UUID id,
        String name,
        String orderedBy,
        String regionCode,
        String targetKind,
        String targetTag,
        String target,
        String frequency,
        String frequencyLabel,
        LocalDate startsOn,
        Integer dueDays,
        String owner,
        String ownerLabel,
        List<ItemView> checklist,
        boolean active,
        LocalDate generatedThrough,
        int version) {

    public record ItemView(
            String code, String text, String evidence, String evidenceLabel, String failGrade, String failGradeLabel) {}
}
