package org.onegrid.patrol;

import java.time.Duration;
import java.util.Map;
import org.onegrid.patrol.domain.Frequency;
import org.onegrid.patrol.domain.VisitRules;
import org.onegrid.registry.domain.PersonTag;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onegrid.patrol.*}: how often households are visited, when a revisit is due, and what makes a visit doubtful
 * or impossible.
 *
 * @param regularDays a household without tags is visited every so many days
 * @param everyDaysByTag shorter intervals for households with a member in a group that needs attention 重点人群
 * @param revisitDays after 无人在家, come back within so many (calendar) days
 * @param flagMetres a visit farther from the door is flagged 位置偏远
 * @param refuseMetres a visit farther from the door is refused
 * @param shortest a shorter visit is flagged 时间过短
 */
@ConfigurationProperties("onegrid.patrol")
record PatrolSettings(
        @DefaultValue("30") int regularDays,
        @DefaultValue Map<PersonTag, Integer> everyDaysByTag,
        @DefaultValue("3") int revisitDays,
        @DefaultValue("200") int flagMetres,
        @DefaultValue("5000") int refuseMetres,
        @DefaultValue("3m") Duration shortest) {

    Frequency frequency() {
        Map<PersonTag, Integer> byTag = new java.util.EnumMap<>(PersonTag.class);
        byTag.putAll(Frequency.DEFAULT.byTag());
        byTag.putAll(everyDaysByTag == null ? Map.of() : everyDaysByTag);
        return new Frequency(regularDays, byTag);
    }

    VisitRules rules() {
        return new VisitRules(flagMetres, refuseMetres, shortest, VisitRules.DEFAULT.longest());
    }
}
