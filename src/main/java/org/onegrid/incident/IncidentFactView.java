package org.onegrid.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * The countable facts of one incident, for read models of other modules (dashboard, assessment): where and when it
 * was reported, what it is, its running deadline, and how it ended. No text, no reporter.
 *
 * @param version the incident's version; a read model keeps the highest it has seen
 * @param stageDeadline the running stage's deadline, null when closed, rejected or merged
 * @param leadOrgId the lead department (主办部门), null before dispatch to a department
 * @param resolutionLevel 化解层级 ({@code GRID} … {@code CITY}), while closed
 * @param satisfaction {@code SATISFIED}, {@code BASICALLY_SATISFIED} or {@code DISSATISFIED}, once evaluated
 * @param overdues how many times a stage ran past its deadline (超期次数); 0 means handled on time so far
 */
public record IncidentFactView(
        UUID id,
        long version,
        String status,
        String channel,
        String itemCode,
        String itemName,
        String categoryCode,
        String gridCode,
        String villageCode,
        String townCode,
        String countyCode,
        String regionPath,
        Double longitude,
        Double latitude,
        Instant reportedAt,
        Instant stageDeadline,
        Long leadOrgId,
        Instant closedAt,
        String resolutionLevel,
        String satisfaction,
        int overdues) {}
