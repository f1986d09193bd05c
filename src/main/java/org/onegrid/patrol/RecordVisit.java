package org.onegrid.patrol;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.onegrid.patrol.domain.ChangeKind;
import org.onegrid.patrol.domain.Outcome;

/**
 * 登记走访: a visit at a household's door, recorded in one step with what was found.
 *
 * @param id chosen by the phone, so that sending the same visit twice records it once; null: a new one
 * @param lng the visitor's position (WGS 84) from the browser, checked against the household's address point
 * @param personsVerified for 见面 and 信息有变, how many of the household were verified; null: all
 * @param photoIds photos uploaded before (through the incident photo upload), at most 9
 * @param change for 信息有变 and 已搬离: what changed, for the village centre to confirm
 * @param problem a problem found 发现问题, reported into the incident loop in the same step
 */
public record RecordVisit(
        UUID id,
        long householdId,
        Outcome outcome,
        Instant startedAt,
        Instant endedAt,
        Double lng,
        Double lat,
        Integer personsVerified,
        String notes,
        List<UUID> photoIds,
        Change change,
        Problem problem) {

    public RecordVisit {
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }

    /** What changed in the household. */
    public record Change(ChangeKind kind, Long personId, String description) {}

    /** A problem found, as a catalog item (事项小类) and a description. */
    public record Problem(String itemCode, String text) {}
}
