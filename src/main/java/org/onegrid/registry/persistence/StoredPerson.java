package org.onegrid.registry.persistence;

import java.time.LocalDate;
import java.util.Set;
import org.onegrid.registry.domain.PersonStatus;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Residence;
import org.onegrid.registry.domain.Sex;

/** A person as stored, decrypted: only the facade sees it, and masks it unless the reader may see it unmasked. */
public record StoredPerson(
        long id,
        String name,
        String idNumber,
        String phone,
        String address,
        LocalDate birthDate,
        Sex sex,
        Residence residence,
        long addressId,
        String gridCode,
        String regionPath,
        PersonStatus status,
        int version,
        Set<PersonTag> tags,
        Long householdId) {}
