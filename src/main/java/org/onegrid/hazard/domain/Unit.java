package org.onegrid.hazard.domain;

/**
 * The unit responsible for rectifying a hazard: a registry organisation (an enterprise, a place) or a department.
 */
public record Unit(Kind kind, long id, String name) {

    public enum Kind {
        ORGANISATION("单位"),
        DEPARTMENT("部门");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
