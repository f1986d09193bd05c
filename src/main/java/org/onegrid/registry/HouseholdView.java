package org.onegrid.registry;

import java.util.List;
import org.onegrid.registry.domain.Relation;

/** A household with its members, names masked. */
public record HouseholdView(long id, long addressId, String gridCode, int version, List<MemberView> members) {

    public record MemberView(long personId, String maskedName, Relation relation) {}
}
