package org.onegrid.patrol;

import java.time.LocalDate;
import java.util.List;

/**
 * 部署摸排行动: a drive over the caller's region subtree (or, for an administrator, the region named).
 *
 * @param targetShare the share of each grid's registered households to visit, in percent (100: every household)
 * @param questions the form filled per household at a visit, at most 10 questions
 */
public record OrderCampaign(
        String name,
        String regionCode,
        LocalDate startsOn,
        LocalDate endsOn,
        Integer targetShare,
        List<String> questions) {

    public OrderCampaign {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
