package org.onegrid.registry;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Relation;

/**
 * A household as a visitor at the door sees it: its standard address and point, its members masked with their tags.
 *
 * @param address the standard address 标准地址 (road, number, building, unit, room), not personal data
 */
public record HouseholdCard(
        long id, String gridCode, String regionPath, String address, double lng, double lat, List<Member> members) {

    public HouseholdCard {
        members = List.copyOf(members);
    }

    /** A member, the name masked. */
    public record Member(long personId, String maskedName, Relation relation, Set<PersonTag> tags) {}

    /** The head's masked name, or null for a household without members. */
    public String maskedHead() {
        return members.stream()
                .filter(m -> m.relation() == Relation.HEAD)
                .map(Member::maskedName)
                .findFirst()
                .orElse(null);
    }

    /** The tags of all its members: what its visit frequency follows. */
    public Set<PersonTag> tags() {
        Set<PersonTag> all = EnumSet.noneOf(PersonTag.class);
        members.forEach(m -> all.addAll(m.tags()));
        return all;
    }

    public int persons() {
        return members.size();
    }
}
