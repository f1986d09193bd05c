package org.onegrid.registry.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onegrid.registry.ChangeOrganisation;
import org.onegrid.registry.ChangePerson;
import org.onegrid.registry.HouseholdView;
import org.onegrid.registry.LifeEventView;
import org.onegrid.registry.OrganisationView;
import org.onegrid.registry.PersonView;
import org.onegrid.registry.RecordLifeEvent;
import org.onegrid.registry.Registry;
import org.onegrid.registry.RegistryLists;
import org.onegrid.registry.RegistryLists.Area;
import org.onegrid.registry.UnmaskedPersonView;
import org.onegrid.registry.domain.LifeEventKind;
import org.onegrid.registry.domain.OrganisationKind;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Relation;
import org.onegrid.registry.domain.Residence;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.web.FieldErrors;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registry's console pages: the lists of a region or grid with the totals per tag, a person (masked, with the
 * form that shows them unmasked once for a stated purpose), a household, an organisation, the edit and life-event
 * forms, and the access log for supervisors. Every refusal is shown in Chinese beside its field and changes nothing.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','LEADER','CENTRE_DISPATCHER','GRID_WORKER','DEPARTMENT_HANDLER','MEDIATOR')")
class RegistryPages {

    private static final int PAGE_SIZE = 20;
    private static final ZoneId CITY = CityTime.ZONE;

    private final Registry registry;
    private final RegistryLists lists;
    private final RegistryPlaces places;

    RegistryPages(Registry registry, RegistryLists lists, RegistryPlaces places) {
        this.registry = registry;
        this.lists = lists;
        this.places = places;
    }

    /**
     * @param view {@code persons}, {@code households} or {@code organisations}
     * @param q an ID number or phone (persons), a credit code (organisations), or a name within one grid
     */
    @GetMapping("/registry")
    String list(
            @RequestParam(defaultValue = "persons") String view,
            @RequestParam(required = false) String grid,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        String tab = List.of("persons", "households", "organisations").contains(view) ? view : "persons";
        boolean bound = me.hasRole(Role.GRID_WORKER) && !me.hasAnyRole(Role.ADMIN, Role.LEADER, Role.CENTRE_DISPATCHER);
        String regionCode = blank(region) ? (bound || blank(me.regionCode()) ? null : me.regionCode()) : region.strip();
        String gridCode = blank(grid) ? null : grid.strip();
        if (gridCode != null) {
            regionCode = null;
        }
        Area area = new Area(gridCode, regionCode);
        int p = Math.max(0, Params.number("page", page, 1) - 1);
        String search = blank(q) ? null : q.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        model.addAttribute("counts", lists.counts(area, me));
        try {
            switch (tab) {
                case "households" ->
                    model.addAttribute(
                            "households",
                            lists.households(area, Params.parse(PersonTag.class, "tag", tag), p, PAGE_SIZE, me));
                case "organisations" ->
                    model.addAttribute(
                            "organisations",
                            lists.organisations(
                                    area, search, Params.parse(OrganisationTag.class, "tag", tag), p, PAGE_SIZE, me));
                default -> {
                    String idNumber = null;
                    String phone = null;
                    String name = null;
                    if (search != null) {
                        String compact = search.replaceAll("[\\s-]", "");
                        if (compact.matches("\\d{17}[\\dXx]")) {
                            idNumber = compact;
                        } else if (compact.matches("\\+?\\d{7,13}")) {
                            phone = compact;
                        } else {
                            name = search;
                        }
                    }
                    model.addAttribute(
                            "persons",
                            lists.persons(
                                    area,
                                    idNumber,
                                    phone,
                                    name,
                                    Params.parse(PersonTag.class, "tag", tag),
                                    null,
                                    p,
                                    PAGE_SIZE,
                                    me));
                }
            }
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() != 400) {
                throw e;
            }
            errors.putAll(FieldErrors.of(e, f -> "q"));
        }
        model.addAttribute("errors", errors);
        model.addAttribute("view", tab);
        model.addAttribute("grid", gridCode);
        model.addAttribute("region", regionCode);
        model.addAttribute("tag", blank(tag) ? null : tag.strip());
        model.addAttribute("q", search);
        model.addAttribute("crumbs", places.crumbs(regionCode, gridCode, bound ? "" : me.scopePath()));
        model.addAttribute("below", below(gridCode, regionCode, bound, me));
        model.addAttribute("personTags", PersonTag.values());
        model.addAttribute("organisationTags", OrganisationTag.values());
        return "registry/list";
    }

    /** Where the list can go one step down: a grid worker's own grids, a region's regions or a village's grids. */
    private List<RegistryPlaces.Crumb> below(String gridCode, String regionCode, boolean bound, StaffPrincipal me) {
        if (gridCode != null) {
            return List.of();
        }
        if (bound) {
            return places.gridsOf(me.grids());
        }
        if (regionCode == null) {
            return places.tops().stream()
                    .map(r -> new RegistryPlaces.Crumb(r.code(), null, r.name()))
                    .toList();
        }
        return places.below(regionCode);
    }

    // ---------------------------------------------------------------------------------------------------------
    // A person

    @GetMapping("/registry/persons/{id}")
    String person(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        return personPage(id, me, model, null, Map.of());
    }

    /** Shows the person unmasked once, for the purpose given; the read is logged. */
    @PostMapping("/registry/persons/{id}/unmasked")
    String unmask(
            @PathVariable long id,
            @RequestParam(required = false) String purpose,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        visiblePerson(id, me);
        model.addAttribute("purpose", purpose);
        try {
            UnmaskedPersonView seen = registry.unmasked(id, purpose, me)
                    .orElseThrow(() -> Problems.notFound("person", String.valueOf(id)));
            return personPage(id, me, model, seen, Map.of());
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() != 400) {
                throw e;
            }
            return personPage(id, me, model, null, FieldErrors.of(e, f -> "purpose"));
        }
    }

    /** Records 迁入, 迁出, 死亡 or 注销. */
    @PostMapping("/registry/persons/{id}/events")
    String recordEvent(
            @PathVariable long id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String occurredOn,
            @RequestParam(required = false) String note,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        visiblePerson(id, me);
        Map<String, String> errors = new LinkedHashMap<>();
        LifeEventKind k = null;
        LocalDate on = null;
        try {
            k = Params.parse(LifeEventKind.class, "kind", kind);
        } catch (ErrorResponseException e) {
            errors.put("kind", "请选择变动类型");
        }
        try {
            on = Params.date("occurredOn", occurredOn);
        } catch (ErrorResponseException e) {
            errors.put("occurredOn", "日期格式应为 2026-01-31");
        }
        if (k == LifeEventKind.HOUSEHOLD_CHANGED) {
            errors.put("kind", "户内变更请在户页面修改成员");
        }
        if (errors.isEmpty()) {
            try {
                registry.recordLifeEvent(new RecordLifeEvent(id, k, on, note), me);
                return "redirect:/registry/persons/" + id + "?recorded";
            } catch (ErrorResponseException e) {
                if (e.getStatusCode().value() == 404) {
                    throw e;
                }
                errors.putAll(FieldErrors.of(e, f -> f.equals("personId") ? "kind" : f));
            }
        }
        model.addAttribute("eventForm", Map.of("kind", nz(kind), "occurredOn", nz(occurredOn), "note", nz(note)));
        return personPage(id, me, model, null, errors);
    }

    @GetMapping("/registry/persons/{id}/edit")
    String editPerson(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        PersonView p = visiblePerson(id, me);
        model.addAttribute("person", p);
        model.addAttribute(
                "form",
                new PersonForm(
                        String.valueOf(p.version()),
                        "",
                        "",
                        p.residence().name(),
                        String.valueOf(p.addressId()),
                        p.tags().stream().map(Enum::name).toList()));
        return editPersonPage(p, me, model, Map.of());
    }

    /** The edit form; name and phone left empty keep what is registered (the page never shows them unmasked). */
    record PersonForm(
            String version, String name, String phone, String residence, String addressId, List<String> tags) {}

    @PostMapping("/registry/persons/{id}/edit")
    String savePerson(
            @PathVariable long id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String residence,
            @RequestParam(required = false) String addressId,
            @RequestParam(required = false) List<String> tags,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        PersonView p = visiblePerson(id, me);
        PersonForm form = new PersonForm(
                nz(version), nz(name), nz(phone), nz(residence), nz(addressId), tags == null ? List.of() : tags);
        Map<String, String> errors = new LinkedHashMap<>();
        Residence r = null;
        Long address = null;
        Set<PersonTag> tagSet = EnumSet.noneOf(PersonTag.class);
        try {
            r = Params.parse(Residence.class, "residence", residence);
        } catch (ErrorResponseException e) {
            errors.put("residence", "请选择人口类型");
        }
        try {
            address = Params.id("addressId", addressId);
        } catch (ErrorResponseException e) {
            errors.put("addressId", "地址编号须为数字");
        }
        for (String t : form.tags()) {
            tagSet.add(Params.parse(PersonTag.class, "tags", t));
        }
        int v = Params.number("version", version, p.version());
        if (errors.isEmpty()) {
            try {
                registry.changePersonKeeping(
                        new ChangePerson(
                                id,
                                v,
                                blank(name) ? null : name.strip(),
                                blank(phone) ? null : phone.strip(),
                                null,
                                r,
                                address == null ? 0 : address,
                                tagSet),
                        blank(name),
                        blank(phone),
                        me);
                return "redirect:/registry/persons/" + id + "?saved";
            } catch (ErrorResponseException e) {
                if (e.getStatusCode().value() == 404) {
                    throw e;
                }
                if (e.getStatusCode().value() == 409) {
                    errors.put("_", "该人员信息已被他人修改，请刷新页面后重新填写");
                } else {
                    errors.putAll(FieldErrors.of(e, f -> f));
                }
            }
        }
        model.addAttribute("form", form);
        return editPersonPage(p, me, model, errors);
    }

    private String editPersonPage(PersonView p, StaffPrincipal me, Model model, Map<String, String> errors) {
        model.addAttribute("person", p);
        model.addAttribute("errors", errors);
        model.addAttribute("residences", Residence.values());
        model.addAttribute("personTags", PersonTag.values());
        model.addAttribute("address", lists.address(p.addressId(), me).orElse(null));
        return "registry/person-edit";
    }

    private String personPage(
            long id, StaffPrincipal me, Model model, UnmaskedPersonView seen, Map<String, String> errors) {
        PersonView p = visiblePerson(id, me);
        model.addAttribute("me", me);
        model.addAttribute("person", p);
        model.addAttribute("unmasked", seen);
        model.addAttribute("errors", errors);
        model.addAttribute("address", lists.address(p.addressId(), me).orElse(null));
        model.addAttribute(
                "household",
                p.householdId() == null
                        ? null
                        : registry.household(p.householdId(), me).orElse(null));
        model.addAttribute("history", registry.history(id, me));
        model.addAttribute(
                "mayUnmask", me.hasAnyRole(Role.ADMIN, Role.LEADER, Role.CENTRE_DISPATCHER, Role.GRID_WORKER));
        model.addAttribute("mayWrite", me.hasAnyRole(Role.ADMIN, Role.CENTRE_DISPATCHER, Role.GRID_WORKER));
        model.addAttribute(
                "eventKinds",
                List.of(LifeEventKind.MOVED_IN, LifeEventKind.MOVED_OUT, LifeEventKind.DIED, LifeEventKind.CANCELLED));
        model.addAttribute("today", LocalDate.now(CITY));
        if (!model.containsAttribute("eventForm")) {
            model.addAttribute(
                    "eventForm",
                    Map.of("kind", "", "occurredOn", LocalDate.now(CITY).toString(), "note", ""));
        }
        return "registry/person";
    }

    private PersonView visiblePerson(long id, StaffPrincipal me) {
        return registry.person(id, me).orElseThrow(() -> Problems.notFound("person", String.valueOf(id)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // A household, an organisation

    @GetMapping("/registry/households/{id}")
    String household(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        HouseholdView h =
                registry.household(id, me).orElseThrow(() -> Problems.notFound("household", String.valueOf(id)));
        model.addAttribute("household", h);
        model.addAttribute("summary", lists.householdSummary(id, me).orElseThrow());
        model.addAttribute("address", lists.address(h.addressId(), me).orElse(null));
        model.addAttribute(
                "members",
                h.members().stream()
                        .map(m ->
                                new Member(m, registry.person(m.personId(), me).orElse(null)))
                        .toList());
        List<LifeEventView> history = registry.householdHistory(id, me);
        Map<Long, String> names = new LinkedHashMap<>();
        history.forEach(e -> names.computeIfAbsent(
                e.personId(),
                p -> registry.person(p, me).map(PersonView::maskedName).orElse("人员 " + p)));
        model.addAttribute("history", history);
        model.addAttribute("names", names);
        return "registry/household";
    }

    /** A member as the household page shows them. */
    record Member(HouseholdView.MemberView member, PersonView person) {
        public boolean head() {
            return member.relation() == Relation.HEAD;
        }
    }

    @GetMapping("/registry/organisations/{id}")
    String organisation(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        OrganisationView o = visibleOrganisation(id, me);
        model.addAttribute("organisation", o);
        model.addAttribute("address", lists.address(o.addressId(), me).orElse(null));
        model.addAttribute(
                "responsible",
                o.responsiblePersonId() == null
                        ? null
                        : registry.person(o.responsiblePersonId(), me).orElse(null));
        model.addAttribute("mayWrite", me.hasAnyRole(Role.ADMIN, Role.CENTRE_DISPATCHER, Role.GRID_WORKER));
        model.addAttribute("version", lists.organisationVersion(id, me).orElseThrow());
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("organisationTags", OrganisationTag.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new OrganisationForm(
                            String.valueOf(lists.organisationVersion(id, me).orElseThrow()),
                            o.kind().name(),
                            o.name(),
                            nz(o.industry()),
                            String.valueOf(o.addressId()),
                            o.responsiblePersonId() == null ? "" : String.valueOf(o.responsiblePersonId()),
                            o.tags().stream().map(Enum::name).toList()));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "registry/organisation";
    }

    record OrganisationForm(
            String version,
            String kind,
            String name,
            String industry,
            String addressId,
            String responsiblePersonId,
            List<String> tags) {}

    @PostMapping("/registry/organisations/{id}")
    String saveOrganisation(
            @PathVariable long id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String addressId,
            @RequestParam(required = false) String responsiblePersonId,
            @RequestParam(required = false) List<String> tags,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        visibleOrganisation(id, me);
        OrganisationForm form = new OrganisationForm(
                nz(version),
                nz(kind),
                nz(name),
                nz(industry),
                nz(addressId),
                nz(responsiblePersonId),
                tags == null ? List.of() : tags);
        Map<String, String> errors = new LinkedHashMap<>();
        OrganisationKind k = null;
        Long address = null;
        Long responsible = null;
        Set<OrganisationTag> tagSet = EnumSet.noneOf(OrganisationTag.class);
        try {
            k = Params.parse(OrganisationKind.class, "kind", kind);
        } catch (ErrorResponseException e) {
            errors.put("kind", "请选择组织类型");
        }
        try {
            address = Params.id("addressId", addressId);
        } catch (ErrorResponseException e) {
            errors.put("addressId", "地址编号须为数字");
        }
        try {
            responsible = Params.id("responsiblePersonId", responsiblePersonId);
        } catch (ErrorResponseException e) {
            errors.put("responsiblePersonId", "负责人编号须为数字");
        }
        for (String t : form.tags()) {
            tagSet.add(Params.parse(OrganisationTag.class, "tags", t));
        }
        if (errors.isEmpty()) {
            try {
                registry.changeOrganisation(
                        new ChangeOrganisation(
                                id,
                                Params.number("version", version, -1),
                                k,
                                name,
                                industry,
                                address == null ? 0 : address,
                                responsible,
                                tagSet),
                        me);
                return "redirect:/registry/organisations/" + id + "?saved";
            } catch (ErrorResponseException e) {
                if (e.getStatusCode().value() == 404) {
                    throw e;
                }
                if (e.getStatusCode().value() == 409) {
                    errors.put("_", "该组织信息已被他人修改，请刷新页面后重新填写");
                } else {
                    errors.putAll(FieldErrors.of(e, f -> f));
                }
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return organisation(id, me, model);
    }

    private OrganisationView visibleOrganisation(long id, StaffPrincipal me) {
        return registry.organisation(id, me).orElseThrow(() -> Problems.notFound("organisation", String.valueOf(id)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The access log

    @GetMapping("/registry/access-log")
    @PreAuthorize("hasAnyRole('ADMIN','LEADER')")
    String accessLog(
            @RequestParam(required = false) String person,
            @RequestParam(required = false) String staff,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String page,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long personId = null;
        LocalDate start = null;
        LocalDate end = null;
        try {
            personId = Params.id("person", person);
        } catch (ErrorResponseException e) {
            errors.put("person", "人员编号须为数字");
        }
        try {
            start = Params.date("from", from);
        } catch (ErrorResponseException e) {
            errors.put("from", "日期格式应为 2026-01-31");
        }
        try {
            end = Params.date("to", to);
        } catch (ErrorResponseException e) {
            errors.put("to", "日期格式应为 2026-01-31");
        }
        int p = Math.max(0, Params.number("page", page, 1) - 1);
        if (errors.isEmpty()) {
            try {
                model.addAttribute("log", lists.accessLog(personId, staff, start, end, p, 50, me));
            } catch (ErrorResponseException e) {
                if (e.getStatusCode().value() != 400) {
                    throw e;
                }
                errors.putAll(FieldErrors.of(e, f -> f));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("filter", Map.of("person", nz(person), "staff", nz(staff), "from", nz(from), "to", nz(to)));
        return "registry/access-log";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
