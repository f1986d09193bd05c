package org.onegrid.registry.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.onegrid.registry.AddressView;
import org.onegrid.registry.BuildingView;
import org.onegrid.registry.ChangeHousehold;
import org.onegrid.registry.ChangeOrganisation;
import org.onegrid.registry.ChangePerson;
import org.onegrid.registry.HouseholdSummaryView;
import org.onegrid.registry.HouseholdView;
import org.onegrid.registry.LifeEventView;
import org.onegrid.registry.Listing;
import org.onegrid.registry.OrganisationView;
import org.onegrid.registry.PersonView;
import org.onegrid.registry.RecordLifeEvent;
import org.onegrid.registry.RegisterAddress;
import org.onegrid.registry.RegisterBuilding;
import org.onegrid.registry.RegisterHousehold;
import org.onegrid.registry.RegisterOrganisation;
import org.onegrid.registry.RegisterPerson;
import org.onegrid.registry.Registry;
import org.onegrid.registry.RegistryCounts;
import org.onegrid.registry.RegistryLists;
import org.onegrid.registry.RegistryLists.AccessLogEntry;
import org.onegrid.registry.RegistryLists.Area;
import org.onegrid.registry.UnmaskedPersonView;
import org.onegrid.registry.domain.LifeEventKind;
import org.onegrid.registry.domain.Member;
import org.onegrid.registry.domain.OrganisationKind;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.registry.domain.PersonStatus;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Residence;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry 人、地、物、事、情、组织 as JSON: staff of every working role read what lies in their scope (a grid
 * worker: their own grids), masked; dispatchers, grid workers and administrators register and change; reading a
 * person unmasked takes a purpose and is logged; supervisors read the log. Residents have no access.
 */
@RestController
@RequestMapping("/api/v1/registry")
@PreAuthorize("hasAnyRole('ADMIN','LEADER','CENTRE_DISPATCHER','GRID_WORKER','DEPARTMENT_HANDLER','MEDIATOR')")
class RegistryApi {

    private final Registry registry;
    private final RegistryLists lists;

    RegistryApi(Registry registry, RegistryLists lists) {
        this.registry = registry;
        this.lists = lists;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Persons

    /**
     * Persons, masked: by exact {@code idNumber} or {@code phone}; else by {@code grid} or {@code region}, {@code
     * tag} and {@code status}, paged; by {@code name} only together with {@code grid}.
     */
    @GetMapping("/persons")
    Listing<PersonView> persons(
            @RequestParam MultiValueMap<String, String> q, @AuthenticationPrincipal StaffPrincipal me) {
        return lists.persons(
                area(q),
                Params.one(q, "idNumber"),
                Params.one(q, "phone"),
                Params.one(q, "name"),
                Params.parse(PersonTag.class, "tag", Params.one(q, "tag")),
                Params.parse(PersonStatus.class, "status", Params.one(q, "status")),
                Params.number("page", Params.one(q, "page"), 0),
                Params.number("size", Params.one(q, "size"), 20),
                me);
    }

    @GetMapping("/persons/{id}")
    PersonView person(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return registry.person(id, me).orElseThrow(() -> Problems.notFound("person", String.valueOf(id)));
    }

    @PostMapping("/persons")
    ResponseEntity<PersonView> registerPerson(
            @RequestBody RegisterPerson command, @AuthenticationPrincipal StaffPrincipal me) {
        long id = registry.registerPerson(command, me);
        return ResponseEntity.created(URI.create("/api/v1/registry/persons/" + id))
                .body(registry.person(id, me).orElseThrow());
    }

    /** What may change of a person, with the {@code version} read. */
    record PersonChange(
            Integer version,
            String name,
            String phone,
            String addressText,
            Residence residence,
            Long addressId,
            Set<PersonTag> tags) {}

    @PutMapping("/persons/{id}")
    PersonView changePerson(
            @PathVariable long id, @RequestBody PersonChange c, @AuthenticationPrincipal StaffPrincipal me) {
        person(id, me);
        if (c.version() == null) {
            throw Problems.invalid("version", "version: 修改人员信息须带上读取时的版本号");
        }
        registry.changePerson(
                new ChangePerson(
                        id,
                        c.version(),
                        c.name(),
                        c.phone(),
                        c.addressText(),
                        c.residence(),
                        c.addressId() == null ? 0 : c.addressId(),
                        c.tags()),
                me);
        return registry.person(id, me).orElseThrow();
    }

    record Purpose(String purpose) {}

    /** The person unmasked, for a stated purpose 查看事由; written to the access log and the audit trail. */
    @PostMapping("/persons/{id}/unmasked")
    UnmaskedPersonView unmasked(
            @PathVariable long id,
            @RequestBody(required = false) Purpose body,
            @AuthenticationPrincipal StaffPrincipal me) {
        return registry.unmasked(id, body == null ? null : body.purpose(), me)
                .orElseThrow(() -> Problems.notFound("person", String.valueOf(id)));
    }

    @GetMapping("/persons/{id}/events")
    List<LifeEventView> personEvents(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        person(id, me);
        return registry.history(id, me);
    }

    record LifeEvent(LifeEventKind kind, LocalDate occurredOn, String note) {}

    /** Records 迁入, 迁出, 死亡 or 注销 (户内变更 happens by changing the household). */
    @PostMapping("/persons/{id}/events")
    ResponseEntity<List<LifeEventView>> recordEvent(
            @PathVariable long id, @RequestBody LifeEvent e, @AuthenticationPrincipal StaffPrincipal me) {
        person(id, me);
        if (e.kind() == LifeEventKind.HOUSEHOLD_CHANGED) {
            throw Problems.invalid("kind", "kind: 户内变更请通过修改户成员登记（PUT /api/v1/registry/households/{id}）");
        }
        registry.recordLifeEvent(new RecordLifeEvent(id, e.kind(), e.occurredOn(), e.note()), me);
        return ResponseEntity.status(201).body(registry.history(id, me));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Households

    @GetMapping("/households")
    Listing<HouseholdSummaryView> households(
            @RequestParam MultiValueMap<String, String> q, @AuthenticationPrincipal StaffPrincipal me) {
        return lists.households(
                area(q),
                Params.parse(PersonTag.class, "tag", Params.one(q, "tag")),
                Params.number("page", Params.one(q, "page"), 0),
                Params.number("size", Params.one(q, "size"), 20),
                me);
    }

    /** A household: its members (masked), head, address and history. */
    record HouseholdDetail(
            HouseholdView household, HouseholdSummaryView summary, AddressView address, List<LifeEventView> history) {}

    @GetMapping("/households/{id}")
    HouseholdDetail household(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        HouseholdView h =
                registry.household(id, me).orElseThrow(() -> Problems.notFound("household", String.valueOf(id)));
        return new HouseholdDetail(
                h,
                lists.householdSummary(id, me).orElseThrow(),
                lists.address(h.addressId(), me).orElse(null),
                registry.householdHistory(id, me));
    }

    @PostMapping("/households")
    ResponseEntity<HouseholdDetail> registerHousehold(
            @RequestBody RegisterHousehold command, @AuthenticationPrincipal StaffPrincipal me) {
        long id = registry.registerHousehold(command, me);
        return ResponseEntity.created(URI.create("/api/v1/registry/households/" + id))
                .body(household(id, me));
    }

    record HouseholdChange(Integer version, List<Member> members) {}

    /** Replaces the members (户内变更), with the {@code version} read. */
    @PutMapping("/households/{id}")
    HouseholdDetail changeHousehold(
            @PathVariable long id, @RequestBody HouseholdChange c, @AuthenticationPrincipal StaffPrincipal me) {
        household(id, me);
        if (c.version() == null) {
            throw Problems.invalid("version", "version: 修改户成员须带上读取时的版本号");
        }
        registry.changeHousehold(new ChangeHousehold(id, c.version(), c.members()), me);
        return household(id, me);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Addresses and buildings

    @GetMapping("/addresses")
    Listing<AddressView> addresses(
            @RequestParam MultiValueMap<String, String> q, @AuthenticationPrincipal StaffPrincipal me) {
        return lists.addresses(
                area(q),
                Params.number("page", Params.one(q, "page"), 0),
                Params.number("size", Params.one(q, "size"), 20),
                me);
    }

    @GetMapping("/addresses/{id}")
    AddressView address(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return lists.address(id, me).orElseThrow(() -> Problems.notFound("address", String.valueOf(id)));
    }

    @PostMapping("/addresses")
    ResponseEntity<AddressView> registerAddress(
            @RequestBody RegisterAddress command, @AuthenticationPrincipal StaffPrincipal me) {
        long id = registry.registerAddress(command, me);
        return ResponseEntity.created(URI.create("/api/v1/registry/addresses/" + id))
                .body(address(id, me));
    }

    /** The buildings of a grid or region, or at one {@code addressId}; at most 200. */
    @GetMapping("/buildings")
    List<BuildingView> buildings(
            @RequestParam MultiValueMap<String, String> q, @AuthenticationPrincipal StaffPrincipal me) {
        return lists.buildings(area(q), Params.id("addressId", Params.one(q, "addressId")), me);
    }

    @GetMapping("/buildings/{id}")
    BuildingView building(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return lists.building(id, me).orElseThrow(() -> Problems.notFound("building", String.valueOf(id)));
    }

    @PostMapping("/buildings")
    ResponseEntity<BuildingView> registerBuilding(
            @RequestBody RegisterBuilding command, @AuthenticationPrincipal StaffPrincipal me) {
        long id = registry.registerBuilding(command, me);
        return ResponseEntity.created(URI.create("/api/v1/registry/buildings/" + id))
                .body(building(id, me));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Organisations

    /** Organisations: by exact {@code creditCode}; else by {@code grid} or {@code region} and {@code tag}, paged. */
    @GetMapping("/organisations")
    Listing<OrganisationView> organisations(
            @RequestParam MultiValueMap<String, String> q, @AuthenticationPrincipal StaffPrincipal me) {
        return lists.organisations(
                area(q),
                Params.one(q, "creditCode"),
                Params.parse(OrganisationTag.class, "tag", Params.one(q, "tag")),
                Params.number("page", Params.one(q, "page"), 0),
                Params.number("size", Params.one(q, "size"), 20),
                me);
    }

    /** An organisation with the {@code version} an edit must carry. */
    record OrganisationDetail(OrganisationView organisation, int version, AddressView address) {}

    @GetMapping("/organisations/{id}")
    OrganisationDetail organisation(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        OrganisationView o =
                registry.organisation(id, me).orElseThrow(() -> Problems.notFound("organisation", String.valueOf(id)));
        return new OrganisationDetail(
                o,
                lists.organisationVersion(id, me).orElseThrow(),
                lists.address(o.addressId(), me).orElse(null));
    }

    @PostMapping("/organisations")
    ResponseEntity<OrganisationDetail> registerOrganisation(
            @RequestBody RegisterOrganisation command, @AuthenticationPrincipal StaffPrincipal me) {
        long id = registry.registerOrganisation(command, me);
        return ResponseEntity.created(URI.create("/api/v1/registry/organisations/" + id))
                .body(organisation(id, me));
    }

    record OrganisationChange(
            Integer version,
            OrganisationKind kind,
            String name,
            String industry,
            Long addressId,
            Long responsiblePersonId,
            Set<OrganisationTag> tags) {}

    @PutMapping("/organisations/{id}")
    OrganisationDetail changeOrganisation(
            @PathVariable long id, @RequestBody OrganisationChange c, @AuthenticationPrincipal StaffPrincipal me) {
        organisation(id, me);
        if (c.version() == null) {
            throw Problems.invalid("version", "version: 修改组织信息须带上读取时的版本号");
        }
        registry.changeOrganisation(
                new ChangeOrganisation(
                        id,
                        c.version(),
                        c.kind(),
                        c.name(),
                        c.industry(),
                        c.addressId() == null ? 0 : c.addressId(),
                        c.responsiblePersonId(),
                        c.tags()),
                me);
        return organisation(id, me);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Counts and the access log

    /** The counts of a {@code grid} or {@code region} (or of the caller's whole scope): persons, households, tags. */
    @GetMapping("/counts")
    RegistryCounts counts(@RequestParam MultiValueMap<String, String> q, @AuthenticationPrincipal StaffPrincipal me) {
        return lists.counts(area(q), me);
    }

    /** Unmasked reads in the caller's scope, newest first, by {@code personId}, {@code staff}, {@code from}/{@code to}. */
    @GetMapping("/access-log")
    @PreAuthorize("hasAnyRole('ADMIN','LEADER')")
    Listing<AccessLogEntry> accessLog(
            @RequestParam MultiValueMap<String, String> q, @AuthenticationPrincipal StaffPrincipal me) {
        return lists.accessLog(
                Params.id("personId", Params.one(q, "personId")),
                Params.one(q, "staff"),
                Params.date("from", Params.one(q, "from")),
                Params.date("to", Params.one(q, "to")),
                Params.number("page", Params.one(q, "page"), 0),
                Params.number("size", Params.one(q, "size"), 50),
                me);
    }

    private static Area area(MultiValueMap<String, String> q) {
        return new Area(Params.one(q, "grid"), Params.one(q, "region"));
    }
}
