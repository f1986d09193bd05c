package org.onegrid.registry.domain;

/** A member of a household 户成员. */
public record Member(long personId, Relation relation) {}
