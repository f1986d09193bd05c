package org.onegrid.registry;

import java.time.Instant;
import java.time.LocalDate;
import org.onegrid.registry.domain.LifeEventKind;

/** One entry of a person's or household's history. */
public record LifeEventView(
        long id,
        long personId,
        Long householdId,
        LifeEventKind kind,
        String label,
        LocalDate occurredOn,
        String note,
        long recordedBy,
        Instant recordedAt) {}
