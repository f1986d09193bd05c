package org.onegrid.dispute.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What a dispute is taken in with (登记).
 *
 * @param courtCaseNumber the court's case number of a pre-suit delegation (诉前委派/委托); required for {@link
 *     Source#COURT}
 * @param incidentId the incident handed over; required for {@link Source#INCIDENT}
 * @param typeCode a catalog item of the 矛盾纠纷 category
 * @param amount the amount in dispute, in yuan; may be null
 * @param criminalRisk the 民转刑 flag: the dispute may turn into a crime
 * @param involved how many persons or households the dispute involves (涉及人数); 5 or more make it a group dispute
 * @param regionPath the path of the village (or town) where the dispute arose
 */
public record Intake(
        UUID id,
        String number,
        Source source,
        String courtCaseNumber,
        UUID incidentId,
        String typeCode,
        String typeName,
        String facts,
        BigDecimal amount,
        Risk risk,
        boolean criminalRisk,
        int involved,
        String regionCode,
        String regionPath,
        String gridCode,
        Body body,
        List<Party> parties) {

    public Intake {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }
}
