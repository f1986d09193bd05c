package org.onegrid.casework.attach;

import java.util.UUID;

/**
 * A photo as stored, without its bytes: uploaded first by someone, then attached to one case (an incident, a dispute, a
 * hazard, a visit …) by that case's action.
 *
 * @param caseKind the kind of case it is attached to, null while it is not attached
 * @param caseId the case, null while it is not attached
 */
public record Attachment(
        UUID id, String caseKind, UUID caseId, long uploadedBy, String contentType, int size, String sha256) {

    /** A photo with its bytes, as it is served. */
    public record WithData(Attachment attachment, byte[] data) {}

    /** Whether it is attached to this case. */
    public boolean belongsTo(String kind, UUID id) {
        return kind.equals(caseKind) && id.equals(caseId);
    }
}
