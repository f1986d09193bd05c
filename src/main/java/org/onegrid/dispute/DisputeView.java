package org.onegrid.dispute;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A dispute as its readers see it: parties masked, labels in Chinese beside the codes. */
public record DisputeView(
        UUID id,
        String number,
        long version,
        String status,
        String statusLabel,
        String source,
        String sourceLabel,
        String courtCaseNumber,
        UUID incidentId,
        String typeCode,
        String typeName,
        String facts,
        BigDecimal amount,
        String risk,
        String riskLabel,
        boolean criminalRisk,
        int involved,
        boolean major,
        String regionCode,
        String regionName,
        String gridCode,
        BodyView body,
        Long mediatorId,
        String mediatorName,
        String light,
        String lightLabel,
        Instant deadline,
        int extensions,
        int escalations,
        List<PartyView> parties,
        List<SessionView> sessions,
        AgreementView agreement,
        String exit,
        String exitLabel,
        String exitNote,
        String rulingNumber,
        String court,
        String performance,
        String performanceLabel,
        String satisfaction,
        String satisfactionLabel,
        String concludedLevel,
        String concludedLevelLabel,
        Instant receivedAt,
        Instant acceptedAt,
        Instant concludedAt,
        List<UUID> attachmentIds) {

    public record BodyView(
            String kind,
            String kindLabel,
            String field,
            String fieldLabel,
            long orgId,
            String level,
            String levelLabel,
            String name,
            String court) {}

    public record PartyView(
            String side,
            String sideLabel,
            boolean organisation,
            Long personId,
            Long organisationId,
            String name,
            String identity) {}

    public record SessionView(
            int number, Instant heldAt, String place, String attendees, String minutes, String mediatorName) {}

    public record AgreementView(
            String facts,
            List<String> terms,
            BigDecimal amount,
            LocalDate performBy,
            boolean partial,
            String remainderExit,
            String remainderExitLabel,
            String remainder,
            String sha256) {}
}
