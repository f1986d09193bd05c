package org.onegrid.registry;

import java.util.Set;
import org.onegrid.registry.domain.OrganisationKind;
import org.onegrid.registry.domain.OrganisationTag;

/** Register an organisation 组织 by its unified social credit code, with the tags that make it a place of concern. */
public record RegisterOrganisation(
        OrganisationKind kind,
        String name,
        String creditCode,
        String industry,
        long addressId,
        Long responsiblePersonId,
        Set<OrganisationTag> tags) {}
