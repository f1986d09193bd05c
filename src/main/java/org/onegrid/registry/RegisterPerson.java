package org.onegrid.registry;

import java.time.LocalDate;
import java.util.Set;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Residence;
import org.onegrid.registry.domain.Sex;

/**
 * Register a person 人口 living at an address.
 *
 * @param birthDate as entered, cross-checked against the ID number; null to take it from the number
 * @param sex as entered, cross-checked against the ID number; null to take it from the number
 * @param addressText the address as the person gives it (e.g. 户籍地), personal data
 */
public record RegisterPerson(
        String name,
        String idNumber,
        LocalDate birthDate,
        Sex sex,
        String phone,
        String addressText,
        Residence residence,
        long addressId,
        Set<PersonTag> tags) {}
