package org.onegrid.registry;

import java.time.LocalDate;
import java.util.Set;
import org.onegrid.registry.domain.PersonStatus;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Residence;
import org.onegrid.registry.domain.Sex;

/** A person unmasked; only {@link Registry#unmasked} returns it, and every time it is written to the access log. */
public record UnmaskedPersonView(
        long id,
        String name,
        String idNumber,
        String phone,
        String address,
        LocalDate birthDate,
        Sex sex,
        Residence residence,
        PersonStatus status,
        long addressId,
        String gridCode,
        Long householdId,
        Set<PersonTag> tags) {}
