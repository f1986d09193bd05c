package org.onegrid.suggest;

import java.time.Instant;
import java.util.UUID;

/**
 * A centre's confirmation or correction of an incident's item (确认/更正事项类型): a labelled example to learn from.
 *
 * @param text the incident's text as reported; personal data is removed before it is kept
 * @param itemCode the item the centre settled on
 * @param previousCode the item the incident was under before; equal to {@code itemCode} for a confirmation
 */
public record LabelIncident(
        UUID incidentId, String text, String itemCode, String previousCode, long userId, String reason, Instant at) {}
