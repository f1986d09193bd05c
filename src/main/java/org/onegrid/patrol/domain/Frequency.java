package org.onegrid.patrol.domain;

import java.util.Map;
import java.util.Set;
import org.onegrid.registry.domain.PersonTag;

/**
 * How often a household is visited: every {@code regularDays}, or more often when a member belongs to a group that
 * needs attention 重点人群 — the shortest interval of its members' tags wins.
 */
public record Frequency(int regularDays, Map<PersonTag, Integer> byTag) {

    public Frequency {
        byTag = Map.copyOf(byTag);
    }

    public static final Frequency DEFAULT = new Frequency(
            30,
            Map.of(
                    PersonTag.KEY_PERSON, 7,
                    PersonTag.ELDERLY_ALONE, 7,
                    PersonTag.CHILD_IN_DIFFICULTY, 14,
                    PersonTag.DISABLED, 14,
                    PersonTag.LOW_INCOME, 30));

    public int everyDays(Set<PersonTag> tags) {
        int days = regularDays;
        for (PersonTag tag : tags) {
            days = Math.min(days, byTag.getOrDefault(tag, regularDays));
        }
        return Math.max(1, days);
    }
}
