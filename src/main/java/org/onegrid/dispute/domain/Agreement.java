package org.onegrid.dispute.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An agreement 调解协议 as the mediator records it.
 *
 * @param facts the facts and the disputed matters (纠纷主要事实、争议事项)
 * @param terms what the parties agreed, one term each (协议内容); at least one
 * @param amount the sum agreed, in yuan; may be null
 * @param performBy the day by which it is to be performed (履行期限)
 * @param remainderReferredTo for an agreement on a part of the dispute: where the rest goes; null when all is agreed
 * @param remainder what the rest is
 */
public record Agreement(
        String facts,
        List<String> terms,
        BigDecimal amount,
        LocalDate performBy,
        Exit remainderReferredTo,
        String remainder) {

    public Agreement {
        terms = terms == null
                ? List.of()
                : terms.stream().map(t -> t == null ? "" : t.strip()).toList();
    }

    public boolean partial() {
        return remainderReferredTo != null;
    }
}
