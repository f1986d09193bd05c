package org.onegrid.registry;

import java.util.Map;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.registry.domain.PersonTag;

/**
 * What a grid or region holds: persons in the register 在册人口, households, organisations, and the totals per tag
 * (e.g. 独居老人 12), the figures a page shows and a user quotes.
 */
public record RegistryCounts(
        long persons,
        long households,
        long organisations,
        Map<PersonTag, Long> personTags,
        Map<OrganisationTag, Long> organisationTags) {}
