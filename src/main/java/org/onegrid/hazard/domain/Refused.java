package org.onegrid.hazard.domain;

import java.util.List;

/** An action refused, with every reason at once; nothing was changed. */
public class Refused extends RuntimeException {

    private final transient List<Refusal> refusals;

    public Refused(List<Refusal> refusals) {
        super(refusals.isEmpty() ? "refused" : refusals.get(0).message());
        this.refusals = List.copyOf(refusals);
    }

    public Refused(String field, String code, String message) {
        this(List.of(new Refusal(field, code, message)));
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    /** Whether the state, not the input, forbids the action (answered 409 rather than 422). */
    public boolean stateConflict() {
        return refusals.stream().allMatch(r -> r.code().endsWith(".state"));
    }

    /** Refuses with {@code found} when there is anything in it. */
    public static void ifAny(List<Refusal> found) {
        if (!found.isEmpty()) {
            throw new Refused(found);
        }
    }
}
