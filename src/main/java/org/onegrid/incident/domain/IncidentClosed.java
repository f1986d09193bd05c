package org.onegrid.incident.domain;

import java.time.Instant;

/** 结案: verified on site or resolved on the spot; {@code resolutionLevel} is where it was solved. */
public record IncidentClosed(
        IncidentId incidentId,
        Instant at,
        long actorId,
        Action closedBy,
        Level resolutionLevel,
        long ownerOrgId,
        StageTimes stageTimes)
        implements IncidentEvent {}
