package org.onegrid.hazard.domain;

import java.time.LocalDate;

/**
 * A milestone 节点 of a ledger task: what must be done by when.
 *
 * @param doneOn the day the lead unit reported it done; null while open
 * @param urgedOn the day it was last urged 催办 for being overdue
 */
public record Milestone(
        int number, String name, LocalDate deadline, LocalDate doneOn, String evidence, LocalDate urgedOn) {

    public boolean overdue(LocalDate today) {
        return doneOn == null && today.isAfter(deadline);
    }

    Milestone done(LocalDate day, String what) {
        return new Milestone(number, name, deadline, day, what, urgedOn);
    }

    Milestone urged(LocalDate day) {
        return new Milestone(number, name, deadline, doneOn, evidence, day);
    }
}
