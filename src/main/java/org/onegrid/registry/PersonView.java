package org.onegrid.registry;

import java.util.Set;
import org.onegrid.registry.domain.PersonStatus;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Residence;
import org.onegrid.registry.domain.Sex;

/** A person as everyone sees them by default: name, ID number, phone and address masked (张*, 370***********1234). */
public record PersonView(
        long id,
        String maskedName,
        String maskedIdNumber,
        String maskedPhone,
        String maskedAddress,
        Sex sex,
        int birthYear,
        Residence residence,
        PersonStatus status,
        long addressId,
        String gridCode,
        Long householdId,
        Set<PersonTag> tags,
        int version) {}
