package org.onegrid.hazard.domain;

import org.onegrid.registry.domain.OrganisationTag;

/**
 * What a plan screens: every grid of its subtree, or the registry's organisations and places of one kind
 * (危化品企业, 九小场所, 出租房屋, 在建工地 …) there.
 *
 * @param tag for {@link Kind#ORGANISATIONS}: the kind of place; otherwise null
 */
public record Target(Kind kind, OrganisationTag tag) {

    public enum Kind {
        GRIDS("网格"),
        ORGANISATIONS("单位和场所");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static Target grids() {
        return new Target(Kind.GRIDS, null);
    }

    public static Target organisations(OrganisationTag tag) {
        return new Target(Kind.ORGANISATIONS, tag);
    }

    public String label() {
        return kind == Kind.GRIDS ? "辖区网格" : tag.label();
    }
}
