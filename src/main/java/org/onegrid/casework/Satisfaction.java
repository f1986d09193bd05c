package org.onegrid.casework;

/**
 * 满意度: a reporter's rating of a closed incident (满意度评价), the parties' at a dispute's follow-up visit (回访) — one
 * scale for every kind of case, so the figures compare.
 */
public enum Satisfaction {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    /** 不满意: on an incident, lets the owning centre reopen (重办) it. */
    DISSATISFIED("不满意");

    private final String label;

    Satisfaction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
