package org.onegrid.patrol;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign's progress in one region of its subtree: households visited against the target, by part one level down,
 * with the grids furthest behind (落后网格).
 */
public record CampaignView(
        long id,
        String name,
        String orderedFor,
        LocalDate startsOn,
        LocalDate endsOn,
        int targetShare,
        List<String> questions,
        String regionCode,
        String regionName,
        Progress progress,
        List<Part> parts,
        List<Part> laggards) {

    public record Progress(long target, long households, long persons) {

        /** Households visited of the target, in percent with one decimal. */
        public double share() {
            return target == 0 ? 0 : Math.round(1000.0 * households / target) / 10.0;
        }
    }

    public record Part(String code, String name, boolean grid, Progress progress) {}
}
