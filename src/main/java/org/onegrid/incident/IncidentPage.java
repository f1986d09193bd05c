package org.onegrid.incident;

import java.util.List;

/** One page of a list of incidents, with the total number matching. */
public record IncidentPage(List<IncidentSummaryView> items, int page, int size, long total) {}
