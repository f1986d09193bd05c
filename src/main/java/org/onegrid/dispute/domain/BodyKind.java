package org.onegrid.dispute.domain;

/** The kind of body that mediates (调解组织). */
public enum BodyKind {
    /** 村（社区）人民调解委员会, at a village's centre. */
    VILLAGE_COMMITTEE("村（社区）人民调解委员会", true),
    /** 乡镇（街道）人民调解委员会, at a town's centre. */
    TOWN_COMMITTEE("乡镇（街道）人民调解委员会", true),
    /** 县（市、区）矛盾纠纷调处化解中心 and its people's mediation committee, at a county's (or the city's) centre. */
    CENTRE("矛盾纠纷调处化解中心", true),
    /** 行业性专业性人民调解委员会 (交通事故, 医疗, 劳动争议, 物业, 婚姻家庭 …), at a county's (or the city's) centre. */
    PROFESSIONAL_COMMITTEE("行业性专业性人民调解委员会", true),
    /** 行政调解 by a department. */
    ADMINISTRATIVE("行政调解", false),
    /** 司法调解 / 诉调对接 with the court, at a county's (or the city's) centre. */
    JUDICIAL("司法调解", false);

    private final String label;
    private final boolean peoples;

    BodyKind(String label, boolean peoples) {
        this.label = label;
        this.peoples = peoples;
    }

    public String label() {
        return label;
    }

    /** Whether this is 人民调解, with its statutory 30-day limit. */
    public boolean peoples() {
        return peoples;
    }
}
