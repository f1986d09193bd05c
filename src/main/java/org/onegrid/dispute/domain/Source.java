package org.onegrid.dispute.domain;

/** Where a dispute came from (来源). */
public enum Source {
    /** 网格排查: found by a grid worker's screening. */
    SCREENING("网格排查"),
    /** 入户走访: found on a home visit. */
    VISIT("入户走访"),
    /** 来访: a walk-in at a centre. */
    WALK_IN("群众来访"),
    /** 12345 热线. */
    HOTLINE("12345热线"),
    /** 法院诉前委派/委托: a court's pre-suit delegation, with the court's case number. */
    COURT("法院诉前委派"),
    /** 事件转入: an incident of the 矛盾纠纷 category handed over from the incident loop. */
    INCIDENT("事件转入");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
