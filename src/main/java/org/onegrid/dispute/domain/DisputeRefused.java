package org.onegrid.dispute.domain;

/**
 * An action refused (操作被拒绝), naming the field it is about when there is one; nothing was changed.
 *
 * @see Kind for how the API answers it
 */
public class DisputeRefused extends RuntimeException {

    /** Why: what was given (400), who asks (403), or where the case stands (409). */
    public enum Kind {
        INVALID,
        FORBIDDEN,
        CONFLICT
    }

    private final Kind kind;
    private final String field;

    public DisputeRefused(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static DisputeRefused invalid(String field, String message) {
        return new DisputeRefused(Kind.INVALID, field, message);
    }

    public static DisputeRefused forbidden(String message) {
        return new DisputeRefused(Kind.FORBIDDEN, null, message);
    }

    public static DisputeRefused conflict(String message) {
        return new DisputeRefused(Kind.CONFLICT, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The field the refusal is about; null when it is about the actor or the case. */
    public String field() {
        return field;
    }
}
