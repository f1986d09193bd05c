package org.onegrid.incident.domain;

/** How an incident came in (来源渠道). */
public enum Channel {
    /** 网格员上报, from the grid worker's app. */
    GRID_WORKER("网格员上报"),
    /** 群众上报, web/H5 or Open311. */
    CITIZEN("群众上报"),
    /** 12345热线 work order. */
    HOTLINE("12345热线"),
    /** 来访: walk-in at a centre (信访接待). */
    VISIT("来访"),
    /** 物联感知: a sensor's threshold alert. */
    SENSOR("物联感知"),
    /** 巡查发现. */
    PATROL("巡查发现");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
