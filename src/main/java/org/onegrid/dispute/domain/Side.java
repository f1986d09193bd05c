package org.onegrid.dispute.domain;

/** The side a party stands on. */
public enum Side {
    /** 申请人. */
    APPLICANT("申请人"),
    /** 被申请人. */
    RESPONDENT("被申请人");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
