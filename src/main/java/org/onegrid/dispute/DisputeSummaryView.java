package org.onegrid.dispute;

import java.time.Instant;
import java.util.UUID;

/** One line of a dispute list. */
public record DisputeSummaryView(
        UUID id,
        String number,
        String status,
        String statusLabel,
        String typeName,
        String riskLabel,
        boolean major,
        String bodyName,
        String levelLabel,
        String mediatorName,
        String light,
        Instant deadline,
        Instant receivedAt,
        String parties) {}
