package org.onegrid.patrol.domain;

import java.time.Duration;

/**
 * The city's rules for a visit at the door.
 *
 * @param flagMetres farther from the address point than this, the visit is recorded but flagged 位置偏远
 * @param refuseMetres farther than this, the visit is refused: nobody visits a door from there
 * @param shortest shorter than this, the visit is flagged 时间过短
 * @param longest longer than this, the times are wrong and the visit is refused
 */
public record VisitRules(int flagMetres, int refuseMetres, Duration shortest, Duration longest) {

    public static final VisitRules DEFAULT = new VisitRules(200, 5000, Duration.ofMinutes(3), Duration.ofHours(8));
}
