package org.onegrid.catalog;

/** A catalog item was created, changed or deactivated; {@code version} is its new version. */
public record CatalogItemChanged(String code, int version) {}
