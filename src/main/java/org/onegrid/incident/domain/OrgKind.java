package org.onegrid.incident.domain;

/** The kind of organisation an {@link Actor} acts for. */
public enum OrgKind {
    /** 综治中心. */
    CENTRE("综治中心"),
    /** 职能部门. */
    DEPARTMENT("职能部门");

    private final String label;

    OrgKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
