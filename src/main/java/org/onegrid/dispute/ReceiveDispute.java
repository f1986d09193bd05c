package org.onegrid.dispute;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * 登记矛盾纠纷: a dispute taken in.
 *
 * @param source SCREENING, VISIT, WALK_IN, HOTLINE, COURT or INCIDENT (see {@link org.onegrid.dispute.domain.Source})
 * @param courtCaseNumber the court's case number of a pre-suit delegation 诉前委派/委托
 * @param incidentId the incident handed over, for {@code INCIDENT}
 * @param typeCode a catalog item of the 矛盾纠纷 category (MDJF-…)
 * @param amount the amount in dispute, in yuan
 * @param risk LOW, MEDIUM or HIGH
 * @param criminalRisk the 民转刑 flag
 * @param involved how many persons or households are involved (5 or more: a group dispute)
 * @param regionCode the village (or town) where the dispute arose; the grid's village when {@code gridCode} is given
 * @param body the body that is to own it
 * @param attachmentIds uploaded photos or scans to attach (e.g. a police finding)
 */
public record ReceiveDispute(
        String source,
        String courtCaseNumber,
        UUID incidentId,
        String typeCode,
        String facts,
        BigDecimal amount,
        String risk,
        Boolean criminalRisk,
        Integer involved,
        String regionCode,
        String gridCode,
        BodyChoice body,
        List<PartyInput> parties,
        List<UUID> attachmentIds) {

    public ReceiveDispute {
        parties = parties == null ? List.of() : parties;
        criminalRisk = Boolean.TRUE.equals(criminalRisk);
        attachmentIds = attachmentIds == null ? List.of() : attachmentIds;
    }

    /**
     * The body chosen: its kind, and — for a professional committee its field, for 行政调解 the department, for 司法调解
     * the court. {@code regionCode} names the body's region when not the dispute's own village, town or county.
     */
    public record BodyChoice(String kind, String field, String regionCode, Long departmentId, String court) {}

    /**
     * A party: from the registry ({@code personId} or {@code organisationId}) or entered new with {@code name} and
     * {@code identity} (居民身份证号, or 统一社会信用代码 when {@code organisation}).
     */
    public record PartyInput(
            String side,
            Long personId,
            Long organisationId,
            Boolean organisation,
            String name,
            String identity,
            String phone) {

        public boolean isOrganisation() {
            return Boolean.TRUE.equals(organisation) || organisationId != null;
        }
    }
}
