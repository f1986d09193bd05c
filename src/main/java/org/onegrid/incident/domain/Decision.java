package org.onegrid.incident.domain;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The answer of a guarded action (准入判定): allowed, or rejected with a kind and a reason. A rejected action
 * changed nothing — no field, no history entry, no event.
 */
public sealed interface Decision permits Decision.Allowed, Decision.Rejected {

    /** Why an action was refused, and so how an API answers it. */
    enum Kind {
        /** Wrong role, organisation or data scope (HTTP 403). */
        FORBIDDEN,
        /** The incident's state does not allow it now (HTTP 409). */
        CONFLICT,
        /** What was given is not acceptable: a missing reason or evidence, a wrong target (HTTP 422). */
        INVALID
    }

    static Decision allowed() {
        return Allowed.INSTANCE;
    }

    /**
     * Refused for a wrong role, organisation or scope. {@code code} names the refusal for programs and translations
     * (pages show it in the reader's language); {@code reason} says it in English with the particulars; {@code args}
     * are the particulars a translation may show.
     */
    static Decision forbidden(String code, String reason, String... args) {
        return new Rejected(Kind.FORBIDDEN, code, reason, List.of(args));
    }

    static Decision conflict(String code, String reason, String... args) {
        return new Rejected(Kind.CONFLICT, code, reason, List.of(args));
    }

    static Decision invalid(String code, String reason, String... args) {
        return new Rejected(Kind.INVALID, code, reason, List.of(args));
    }

    /** Allowed if {@code holds}, otherwise the rejection {@code otherwise} makes. */
    static Decision when(boolean holds, Supplier<Decision> otherwise) {
        return holds ? allowed() : otherwise.get();
    }

    boolean isAllowed();

    /** This rejection, or if allowed, the next check. */
    default Decision and(Supplier<Decision> next) {
        return isAllowed() ? next.get() : this;
    }

    /** Throws {@link ActionRefused} if rejected, for callers that prefer exceptions. */
    default void orThrow() {
        if (this instanceof Rejected rejected) {
            throw new ActionRefused(rejected);
        }
    }

    /** The action was carried out. */
    final class Allowed implements Decision {

        private static final Allowed INSTANCE = new Allowed();

        private Allowed() {}

        @Override
        public boolean isAllowed() {
            return true;
        }

        @Override
        public String toString() {
            return "Allowed";
        }
    }

    /** The action was refused and changed nothing. */
    record Rejected(Kind kind, String code, String reason, List<String> args) implements Decision {

        public Rejected {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
            args = List.copyOf(args);
        }

        @Override
        public boolean isAllowed() {
            return false;
        }
    }
}
