package org.onegrid.casework.time;

/** The traffic light (亮灯) of an open case's current stage: an incident's, a dispute's, a hazard's alike. */
public enum Light {
    /** 绿灯: less than 80 % of the stage's time used. */
    GREEN("绿灯"),
    /** 黄灯: at least 80 % of the stage's time used (预警). */
    YELLOW("黄灯"),
    /** 红灯: the stage's deadline has passed (超期). */
    RED("红灯");

    private final String label;

    Light(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
