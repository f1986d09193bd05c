package org.onegrid.incident.domain;

/** The reporter's rating of a closed incident (满意度评价). */
public enum Satisfaction {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    /** 不满意: lets the owning centre reopen (重办) the incident. */
    DISSATISFIED("不满意");

    private final String label;

    Satisfaction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
