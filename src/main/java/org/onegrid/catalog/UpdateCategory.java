package org.onegrid.catalog;

/**
 * Renames, re-sorts, deactivates or reactivates a category. A null field stays as it is. Deactivating a category
 * withdraws its items from new reports; they stay readable by code.
 */
public record UpdateCategory(String name, Integer sort, Boolean active) {}
