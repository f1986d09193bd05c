package org.onegrid.patrol;

import java.time.Instant;
import java.util.UUID;
import org.onegrid.patrol.domain.ChangeKind;
import org.onegrid.patrol.domain.ChangeStatus;

/** A change found at a visit, as the village centre decides it. */
public record ChangeRequestView(
        long id,
        int version,
        UUID visitId,
        long visitNumber,
        long householdId,
        String address,
        String gridCode,
        ChangeKind kind,
        String kindLabel,
        Long personId,
        String personMaskedName,
        String description,
        ChangeStatus status,
        String statusLabel,
        String visitorName,
        Instant createdAt,
        String reason) {}
