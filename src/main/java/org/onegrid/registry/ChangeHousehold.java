package org.onegrid.registry;

import java.util.List;
import org.onegrid.registry.domain.Member;

/** Change a household's members 户内变更; each person who joins or leaves gets a life event. */
public record ChangeHousehold(long householdId, int version, List<Member> members) {}
