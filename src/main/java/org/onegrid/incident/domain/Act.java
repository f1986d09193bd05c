package org.onegrid.incident.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What every action carries (操作): who, when, a comment and attachments. Where an action needs a text — the
 * reason of a rejection or return, the result of a completion, the instruction of a supervision order — the
 * comment is that text, and where it needs evidence (佐证材料), the attachments are that evidence; so the history
 * entry shows exactly what was given.
 *
 * @param at when it happened, truncated to milliseconds so that the history hash survives any storage
 * @param comment free text, never null (empty if none)
 * @param attachmentIds stored files (photos, documents), never null
 */
public record Act(Actor actor, Instant at, String comment, List<String> attachmentIds) {

    public Act {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        at = at.truncatedTo(ChronoUnit.MILLIS);
        comment = comment == null ? "" : comment.strip();
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }

    public static Act by(Actor actor, Instant at) {
        return new Act(actor, at, "", List.of());
    }

    /** An action of the platform itself. */
    public static Act system(Instant at) {
        return by(Actor.SYSTEM, at);
    }

    public Act saying(String text) {
        return new Act(actor, at, text, attachmentIds);
    }

    public Act attaching(String... ids) {
        return new Act(actor, at, comment, Arrays.asList(ids));
    }

    boolean hasComment() {
        return !comment.isEmpty();
    }

    boolean hasAttachments() {
        return !attachmentIds.isEmpty();
    }
}
