package org.onegrid.staff;

/** Whether a grid duty is someone's job or done beside another one. */
public enum Employment {
    FULL_TIME("专职"),
    PART_TIME("兼职");

    private final String label;

    Employment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
