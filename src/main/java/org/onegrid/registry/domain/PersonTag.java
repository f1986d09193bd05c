package org.onegrid.registry.domain;

/** Groups that need attention 重点人群. A city's own "X" tags are still to come. */
public enum PersonTag {
    ELDERLY_ALONE("独居老人"),
    CHILD_IN_DIFFICULTY("困境儿童"),
    DISABLED("残疾人"),
    LOW_INCOME("低保"),
    KEY_PERSON("重点人员");

    private final String label;

    PersonTag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
