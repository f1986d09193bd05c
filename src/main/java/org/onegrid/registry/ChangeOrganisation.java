package org.onegrid.registry;

import java.util.Set;
import org.onegrid.registry.domain.OrganisationKind;
import org.onegrid.registry.domain.OrganisationTag;

/**
 * Change what may change of an organisation; its unified social credit code does not (a wrong code is a new
 * registration).
 *
 * @param version the version read, so a change made meanwhile by someone else is not overwritten
 */
public record ChangeOrganisation(
        long organisationId,
        int version,
        OrganisationKind kind,
        String name,
        String industry,
        long addressId,
        Long responsiblePersonId,
        Set<OrganisationTag> tags) {}
