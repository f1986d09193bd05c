package org.onegrid.hazard.domain;

/** What kind of work a ledger task is. */
public enum LedgerTaskKind {
    PILOT("试点任务"),
    KEY_PROJECT("重点项目"),
    OTHER("重点工作");

    private final String label;

    LedgerTaskKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
