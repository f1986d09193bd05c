package org.onegrid.patrol.domain;

/** Why an action was refused, naming the field: a message people can act on. */
public record Rejection(String field, String code, String message) {}
