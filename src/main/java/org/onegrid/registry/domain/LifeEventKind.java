package org.onegrid.registry.domain;

/** A life event 人口变动; each is kept in the person's and household's history. */
public enum LifeEventKind {
    MOVED_IN("迁入", PersonStatus.ACTIVE),
    MOVED_OUT("迁出", PersonStatus.MOVED_OUT),
    DIED("死亡", PersonStatus.DECEASED),
    CANCELLED("注销", PersonStatus.CANCELLED),
    HOUSEHOLD_CHANGED("户内变更", null);

    private final String label;
    private final PersonStatus leaves;

    LifeEventKind(String label, PersonStatus leaves) {
        this.label = label;
        this.leaves = leaves;
    }

    public String label() {
        return label;
    }

    /** The status the event leaves the person in; null when it does not change it. */
    public PersonStatus leaves() {
        return leaves;
    }

    /** Whether the event may be recorded for a person in {@code status}: nothing follows 死亡 or 注销. */
    public boolean allowedFrom(PersonStatus status) {
        return switch (this) {
            case MOVED_IN -> status == PersonStatus.MOVED_OUT;
            case MOVED_OUT, HOUSEHOLD_CHANGED -> status == PersonStatus.ACTIVE;
            case DIED, CANCELLED -> status == PersonStatus.ACTIVE || status == PersonStatus.MOVED_OUT;
        };
    }
}
