package org.onegrid.registry.domain;

/**
 * One reason a registry entry is refused; the rules collect all of them, so the caller can name every one and write
 * nothing.
 *
 * @param field the offending field as the API names it, e.g. {@code idNumber} or {@code members[2].personId}
 * @param code a stable code for the reason, e.g. {@code id-number.check-digit}
 * @param message the reason in Chinese, for the person who entered it
 */
public record Violation(String field, String code, String message) {}
