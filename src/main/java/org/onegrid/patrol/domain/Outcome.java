package org.onegrid.patrol.domain;

/** What a visit at the door came to. */
public enum Outcome {
    MET("见面"),
    NOBODY_HOME("无人在家"),
    REFUSED("拒访"),
    MOVED_AWAY("已搬离"),
    CHANGED("信息有变");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Whether the household counts as visited (村不漏户): its situation is known. 无人在家 is not, and asks for a
     * revisit instead.
     */
    public boolean reachesHousehold() {
        return this != NOBODY_HOME;
    }

    /** Whether the visitor met the people and could verify them (户不漏人). */
    public boolean verifiesPersons() {
        return this == MET || this == CHANGED;
    }
}
