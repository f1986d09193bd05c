package org.onegrid.registry.domain;

public enum OrganisationKind {
    ENTERPRISE("企业"),
    SOCIAL("社会组织");

    private final String label;

    OrganisationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
