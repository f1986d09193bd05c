package org.onegrid.dispute.domain;

/** The field of a professional committee 行业性专业性调委会. */
public enum Field {
    TRAFFIC("交通事故"),
    MEDICAL("医疗纠纷"),
    LABOUR("劳动争议"),
    PROPERTY("物业纠纷"),
    FAMILY("婚姻家庭"),
    LAND("土地征收"),
    CONSUMER("消费纠纷");

    private final String label;

    Field(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
