package org.onegrid.dispute;

import java.util.UUID;

/**
 * A dispute came to its end of mediation: an agreement (full or partial) or a failure referred elsewhere.
 *
 * @param solved whether an agreement was reached
 * @param level the level of the body that concluded it
 */
public record DisputeConcluded(
        UUID disputeId, String number, boolean solved, String level, String typeCode, UUID incidentId) {}
