package org.onegrid.staff;

/** A user's duty in one grid. */
public enum GridDuty {
    GRID_WORKER("网格员"),
    GRID_LEADER("网格长"),
    DEPUTY_LEADER("副网格长");

    private final String label;

    GridDuty(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
