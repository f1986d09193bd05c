package org.onegrid.incident.domain;

/** A timed stage of the loop (办理环节), each with its own time limit from the catalog item. */
public enum Stage {
    /** 受理派遣: the owning centre's time to accept and hand the incident on (while REPORTED or ACCEPTED). */
    ACCEPT("受理"),
    /** 处置: the department's time from dispatch to completion (while DISPATCHED or IN_PROGRESS). */
    HANDLE("处置"),
    /** 核查: the time to verify the work on site (while HANDLED). */
    VERIFY("核查");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
