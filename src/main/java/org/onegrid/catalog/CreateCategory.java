package org.onegrid.catalog;

/**
 * Creates a catalog category 大类.
 *
 * @param sort display position; null puts it after the existing ones
 */
public record CreateCategory(String code, String name, Integer sort) {}
