package org.onegrid.patrol;

import java.util.List;

/**
 * Visit coverage of a region (or grid) in a period: 村不漏户 households visited of those registered, 户不漏人 persons
 * verified of those registered, overdue revisits; with the same for each part one level down.
 */
public record CoverageView(
        String code,
        String name,
        String level,
        String periodLabel,
        Figures figures,
        long overdueRevisits,
        List<Part> parts) {

    /** The figures of one region or grid. */
    public record Figures(
            long householdsRegistered,
            long householdsVisited,
            long personsRegistered,
            long personsVerified,
            long visits) {

        /** Households visited, as a percentage with one decimal; 0 without registered households. */
        public double householdShare() {
            return share(householdsVisited, householdsRegistered);
        }

        public double personShare() {
            return share(personsVerified, personsRegistered);
        }

        private static double share(long part, long whole) {
            return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
        }
    }

    /** One part: a child region, or a grid of a village. */
    public record Part(String code, String name, boolean grid, Figures figures) {}
}
