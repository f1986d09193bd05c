package org.onegrid.incident.domain;

import java.time.Instant;
import org.onegrid.casework.Satisfaction;

/** 评价: the reporter rated the result. */
public record IncidentEvaluated(IncidentId incidentId, Instant at, long actorId, Satisfaction satisfaction)
        implements IncidentEvent {}
