package org.onegrid.catalog.rules;

/**
 * One reason a catalog change is refused.
 *
 * @param field the offending field as the API names it, e.g. {@code departmentCodes[1]} or {@code accept.minutes}
 */
public record Violation(String field, String message) {}
