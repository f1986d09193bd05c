package org.onegrid.staff;

/** The two kinds of organisation a user belongs to. */
public enum OrgKind {
    /** 综治中心: the dispatch desk of one region, one per region at every level. */
    CENTRE("综治中心"),
    /** 职能部门: a functional agency (or its county branch) that handles dispatched work. */
    DEPARTMENT("职能部门");

    private final String label;

    OrgKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
