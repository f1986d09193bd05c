package org.onegrid.registry.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * What a household's members must satisfy: at least one member, exactly one head 户主, no person twice, and a person
 * in at most one household.
 *
 * @param householdOf the household a person already belongs to, if any
 */
public record HouseholdRules(LongFunction<Optional<Long>> householdOf) {

    /**
     * @param householdId the household being changed; null for a new one
     */
    public List<Violation> check(Long householdId, List<Member> members) {
        List<Violation> found = new ArrayList<>();
        if (members == null || members.isEmpty()) {
            found.add(new Violation("members", "household.empty", "一户至少要有一名成员"));
            return found;
        }
        long heads = members.stream().filter(m -> m.relation() == Relation.HEAD).count();
        if (heads == 0) {
            found.add(new Violation("members", "household.no-head", "一户必须有且只有一名户主，现在没有户主"));
        } else if (heads > 1) {
            found.add(new Violation("members", "household.several-heads", "一户必须有且只有一名户主，现在有 " + heads + " 名"));
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String field = "members[" + i + "].personId";
            if (m.relation() == null) {
                found.add(new Violation("members[" + i + "].relation", "member.relation", "必须填写与户主关系"));
            }
            if (!seen.add(m.personId())) {
                found.add(new Violation(field, "member.twice", "人员 " + m.personId() + " 在本户中出现了两次"));
                continue;
            }
            Optional<Long> other = householdOf.apply(m.personId());
            if (other.isPresent() && !other.get().equals(householdId)) {
                found.add(new Violation(
                        field, "member.other-household", "人员 " + m.personId() + " 已是另一户（户 " + other.get() + "）的成员"));
            }
        }
        return found;
    }
}
