package org.onegrid.registry;

import java.util.Set;
import org.onegrid.registry.domain.OrganisationKind;
import org.onegrid.registry.domain.OrganisationTag;

public record OrganisationView(
        long id,
        OrganisationKind kind,
        String name,
        String creditCode,
        String industry,
        long addressId,
        Long responsiblePersonId,
        String gridCode,
        Set<OrganisationTag> tags) {}
