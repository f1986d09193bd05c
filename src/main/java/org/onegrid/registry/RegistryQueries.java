package org.onegrid.registry;

import java.util.List;
import java.util.Optional;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.registry.persistence.HouseholdCardRows;
import org.onegrid.registry.persistence.HouseholdCardRows.CardRow;
import org.onegrid.registry.persistence.PlaceOfConcernRows;
import org.onegrid.shared.privacy.PersonalNumbers;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only questions other modules ask the registry: the cards of a grid's households for the visits 入户走访 (masked,
 * scoped like every registry read), the counts registered per grid, and the organisations and places of concern that
 * screening plans 排查计划 target (no personal data).
 */
@Service
public class RegistryQueries {

    private final HouseholdCardRows cards;
    private final PlaceOfConcernRows places;

    RegistryQueries(HouseholdCardRows cards, PlaceOfConcernRows places) {
        this.cards = cards;
        this.places = places;
    }

    /** The active organisations and places of a kind in a region subtree (by its path), for screening them. */
    @Transactional(readOnly = true)
    public List<PlaceOfConcern> placesTagged(OrganisationTag tag, String regionPath) {
        return places.tagged(tag.name(), regionPath == null ? "" : regionPath).stream()
                .map(RegistryQueries::place)
                .toList();
    }

    /** One organisation, where it is; empty when unknown. */
    @Transactional(readOnly = true)
    public Optional<PlaceOfConcern> place(long organisationId) {
        return places.find(organisationId).map(RegistryQueries::place);
    }

    /** Up to {@code limit} active organisations of a region subtree whose name contains the text. */
    @Transactional(readOnly = true)
    public List<PlaceOfConcern> placesNamed(String text, String regionPath, int limit) {
        return places.named(text, regionPath == null ? "" : regionPath, limit).stream()
                .map(RegistryQueries::place)
                .toList();
    }

    private static PlaceOfConcern place(PlaceOfConcernRows.Row r) {
        return new PlaceOfConcern(
                r.id(), r.name(), r.creditCode(), r.gridCode(), r.regionPath(), r.address(), r.lng(), r.lat());
    }

    /** The active households of these grids that the caller sees (a grid worker: only their own grids). */
    @Transactional(readOnly = true)
    public List<HouseholdCard> householdsInGrids(List<String> gridCodes, StaffPrincipal me) {
        return cards.inGrids(gridCodes).stream()
                .filter(c -> Access.sees(me, c.gridCode(), c.regionPath()))
                .map(RegistryQueries::card)
                .toList();
    }

    /** The active households of a region subtree (by its path) that the caller sees. */
    @Transactional(readOnly = true)
    public List<HouseholdCard> householdsInRegion(String regionPath, StaffPrincipal me) {
        return cards.inRegion(regionPath).stream()
                .filter(c -> Access.sees(me, c.gridCode(), c.regionPath()))
                .map(RegistryQueries::card)
                .toList();
    }

    /**
     * Every household of a region subtree, whoever asks: for the platform's own nightly work on them (the visit
     * schedules follow the households' tags), never for a user's page or answer — those go through the caller's scope.
     */
    @Transactional(readOnly = true)
    public List<HouseholdCard> allHouseholdsInRegion(String regionPath) {
        return cards.inRegion(regionPath).stream().map(RegistryQueries::card).toList();
    }

    /** One household's card; empty when unknown or outside the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<HouseholdCard> household(long id, StaffPrincipal me) {
        return cards.find(id)
                .filter(c -> Access.sees(me, c.gridCode(), c.regionPath()))
                .map(RegistryQueries::card);
    }

    /** Households and persons registered per grid of a region subtree; counts only, no personal data. */
    @Transactional(readOnly = true)
    public List<RegisteredCount> registeredByGrid(String regionPath) {
        return cards.countsByGrid(regionPath == null ? "" : regionPath).stream()
                .map(r -> new RegisteredCount(r.gridCode(), r.regionPath(), r.households(), r.persons()))
                .toList();
    }

    private static HouseholdCard card(CardRow c) {
        StringBuilder address = new StringBuilder(c.road());
        for (String part : new String[] {c.number(), c.building(), c.unit(), c.room()}) {
            if (part != null && !part.isBlank()) {
                address.append(part);
            }
        }
        return new HouseholdCard(
                c.id(),
                c.gridCode(),
                c.regionPath(),
                address.toString(),
                c.lng(),
                c.lat(),
                c.members().stream()
                        .map(m -> new HouseholdCard.Member(
                                m.personId(), PersonalNumbers.name(m.name()), m.relation(), m.tags()))
                        .toList());
    }
}
