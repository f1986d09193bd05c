package org.onegrid.registry;

import java.util.Set;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Residence;

/**
 * Change what may change of a person; the ID number, birth date and sex do not (a wrong ID number is 注销 and a new
 * registration).
 *
 * @param version the version read, so a change made meanwhile by someone else is not overwritten
 */
public record ChangePerson(
        long personId,
        int version,
        String name,
        String phone,
        String addressText,
        Residence residence,
        long addressId,
        Set<PersonTag> tags) {}
