package org.onegrid.registry.domain;

/** How a person lives here 人口类型. */
public enum Residence {
    /** 户籍人口 */
    REGISTERED("户籍"),
    /** 流动人口 */
    FLOATING("流动"),
    /** 境外人员 */
    FOREIGN("境外");

    private final String label;

    Residence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
