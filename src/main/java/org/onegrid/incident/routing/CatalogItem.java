package org.onegrid.incident.routing;

import org.onegrid.incident.domain.CatalogTerms;

/**
 * A catalog item as intake needs it: the terms to freeze into the incident, its category for queries, and whether it
 * is still offered for new reports.
 */
public record CatalogItem(CatalogTerms terms, String categoryCode, boolean active) {}
