package org.onegrid.catalog;

/** A catalog category was created, renamed, re-sorted, deactivated or reactivated. */
public record CatalogCategoryChanged(String code) {}
