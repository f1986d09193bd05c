package org.onegrid.hazard.domain;

/** A quarterly evaluation 季度评估 of a ledger task. */
public enum Evaluation {
    MET("达标"),
    NOT_MET("未达标");

    private final String label;

    Evaluation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
