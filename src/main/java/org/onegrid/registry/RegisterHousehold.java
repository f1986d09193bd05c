package org.onegrid.registry;

import java.util.List;
import org.onegrid.registry.domain.Member;

/** Register a household 户 at an address with its members, exactly one of them the head 户主. */
public record RegisterHousehold(long addressId, List<Member> members) {}
