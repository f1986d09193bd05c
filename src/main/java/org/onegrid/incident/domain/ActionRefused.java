package org.onegrid.incident.domain;

/** A refused action as an exception (操作被拒绝), for callers that prefer throwing; nothing was changed. */
public class ActionRefused extends RuntimeException {

    private final Decision.Rejected rejection;

    public ActionRefused(Decision.Rejected rejection) {
        super(rejection.kind() + ": " + rejection.reason());
        this.rejection = rejection;
    }

    public Decision.Rejected rejection() {
        return rejection;
    }

    public Decision.Kind kind() {
        return rejection.kind();
    }

    public String reason() {
        return rejection.reason();
    }
}
