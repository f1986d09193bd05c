package org.onegrid.registry.domain;

/** Where a person's life events have left them; a person is never deleted. */
public enum PersonStatus {
    ACTIVE("在册"),
    MOVED_OUT("已迁出"),
    DECEASED("已死亡"),
    CANCELLED("已注销");

    private final String label;

    PersonStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
