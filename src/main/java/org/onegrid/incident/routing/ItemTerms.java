package org.onegrid.incident.routing;

import java.util.Optional;

/** Where intake finds the catalog item 事项 a report names. */
public interface ItemTerms {

    Optional<CatalogItem> find(String itemCode);
}
