package org.onegrid.registry.domain;

/** Places of concern 重点场所 as tags of an organisation. */
public enum OrganisationTag {
    HAZARDOUS_CHEMICALS("危化品企业"),
    NINE_SMALL("九小场所"),
    THREE_IN_ONE("三合一场所"),
    RENTAL_HOUSING("出租房屋"),
    CONSTRUCTION_SITE("在建工地");

    private final String label;

    OrganisationTag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
