package org.onegrid.casework;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One step of a case's history as its aggregate produces it — who did what when, from which status to which — before
 * it is numbered and sealed into the chain by {@link CaseHistory#append}.
 *
 * @param actorId the acting user, 0 for the system
 * @param role the actor's role, as the role's name
 * @param orgId the organisation acted for, 0 for residents and the system
 * @param fromStatus the status before, as its name; null for the step that creates the case
 * @param toStatus the status after; the same as before for actions that do not move the case
 * @param action what was done, as the action's name
 * @param comment what the actor wrote; empty if nothing
 * @param detail what the action decided, written by the platform as {@code key=value} pairs; empty if nothing
 */
public record CaseStep(
        Instant at,
        long actorId,
        String actorName,
        String role,
        long orgId,
        String fromStatus,
        String toStatus,
        String action,
        String comment,
        String detail,
        List<String> attachmentIds) {

    public CaseStep {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorName, "actorName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(toStatus, "toStatus");
        Objects.requireNonNull(action, "action");
        comment = comment == null ? "" : comment;
        detail = detail == null ? "" : detail;
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }
}
