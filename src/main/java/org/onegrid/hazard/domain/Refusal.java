package org.onegrid.hazard.domain;

/** Why an action was refused, naming the field: a message people can act on. */
public record Refusal(String field, String code, String message) {}
