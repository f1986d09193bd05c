package org.onegrid.registry;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.registry.domain.CreditCodes;
import org.onegrid.registry.domain.HouseholdRules;
import org.onegrid.registry.domain.IdNumbers;
import org.onegrid.registry.domain.LifeEventKind;
import org.onegrid.registry.domain.Member;
import org.onegrid.registry.domain.PersonStatus;
import org.onegrid.registry.domain.Phones;
import org.onegrid.registry.domain.Relation;
import org.onegrid.registry.domain.Violation;
import org.onegrid.registry.persistence.AddressRow;
import org.onegrid.registry.persistence.HouseholdRows;
import org.onegrid.registry.persistence.HouseholdRows.HouseholdRow;
import org.onegrid.registry.persistence.LifeEventRows;
import org.onegrid.registry.persistence.PersonRows;
import org.onegrid.registry.persistence.PlaceRows;
import org.onegrid.registry.persistence.RegisteredOrganisationRows;
import org.onegrid.registry.persistence.StoredPerson;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.privacy.PersonalNumbers;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.AuditLog;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's public API: register and change addresses, buildings, persons, households and organisations,
 * record life events, and find people — masked by default, unmasked only for a role that may, with a stated purpose
 * 查看事由, each time written to the access log.
 *
 * <p>Every method takes the caller. What lies outside the caller's scope (a grid worker: their own grids; others:
 * their region subtree) is answered exactly as if it did not exist. Entries are refused with every violation at once
 * ({@link RegistryRefused}), nothing written.
 */
@Service
public class Registry {

    private static final int MAX_NAME = 50;
    private static final int MAX_PURPOSE = 200;

    /** Life events are dated in the city's calendar, whatever the server's zone. */
    private static final ZoneId CITY = CityTime.ZONE;

    private final Grids grids;
    private final PlaceRows places;
    private final PersonRows persons;
    private final HouseholdRows households;
    private final RegisteredOrganisationRows organisations;
    private final LifeEventRows events;
    private final AuditLog audit;

    Registry(
            Grids grids,
            PlaceRows places,
            PersonRows persons,
            HouseholdRows households,
            RegisteredOrganisationRows organisations,
            LifeEventRows events,
            AuditLog audit) {
        this.grids = grids;
        this.places = places;
        this.persons = persons;
        this.households = households;
        this.organisations = organisations;
        this.events = events;
        this.audit = audit;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Places

    /** A standard address placed in the grid its point lies in; the same address again returns the registered one. */
    @Transactional
    public long registerAddress(RegisterAddress c, StaffPrincipal me) {
        mayWrite(me);
        List<Violation> found = new ArrayList<>();
        if (isBlank(c.road())) {
            found.add(new Violation("road", "address.road", "必须填写道路、街巷或小区"));
        }
        Optional<Location> at = grids.locate(c.lng(), c.lat());
        if (at.isEmpty()) {
            found.add(new Violation("point", "address.outside-grids", "该点不在任何网格内（辖区外）"));
        } else if (!Access.sees(me, at.get().grid().code(), at.get().village().path())) {
            found.add(new Violation("point", "address.outside-scope", "该点不在您负责的网格或辖区内"));
        }
        RegistryRefused.refuseIfAny(found);
        Location l = at.orElseThrow();
        return places.insertAddress(new AddressRow(
                0,
                l.county().code(),
                l.town().code(),
                l.village().code(),
                c.road().strip(),
                blankToNull(c.number()),
                blankToNull(c.building()),
                blankToNull(c.unit()),
                blankToNull(c.room()),
                c.lng(),
                c.lat(),
                l.grid().code(),
                l.village().path()));
    }

    @Transactional
    public long registerBuilding(RegisterBuilding c, StaffPrincipal me) {
        mayWrite(me);
        List<Violation> found = new ArrayList<>();
        Optional<AddressRow> address = visibleAddress(c.addressId(), me, found);
        if (isBlank(c.name())) {
            found.add(new Violation("name", "building.name", "必须填写建筑名称"));
        }
        if (c.floors() != null && (c.floors() < 1 || c.floors() > 200)) {
            found.add(new Violation("floors", "building.floors", "层数须在 1 到 200 之间"));
        }
        if (c.use() == null) {
            found.add(new Violation("use", "building.use", "必须填写建筑用途"));
        }
        Optional<Location> at = grids.locate(c.lng(), c.lat());
        if (at.isEmpty()) {
            found.add(new Violation("point", "address.outside-grids", "该点不在任何网格内（辖区外）"));
        }
        RegistryRefused.refuseIfAny(found);
        Location l = at.orElseThrow();
        return places.insertBuilding(
                address.orElseThrow().id(),
                c.name().strip(),
                c.floors(),
                c.use().name(),
                c.lng(),
                c.lat(),
                l.grid().code(),
                l.village().path());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Persons

    @Transactional
    public long registerPerson(RegisterPerson c, StaffPrincipal me) {
        mayWrite(me);
        List<Violation> found = new ArrayList<>();
        name(found, c.name());
        found.addAll(IdNumbers.check("idNumber", c.idNumber(), c.birthDate(), c.sex()));
        found.addAll(Phones.check("phone", c.phone()));
        if (c.residence() == null) {
            found.add(new Violation("residence", "person.residence", "必须填写人口类型（户籍、流动或境外）"));
        }
        Optional<AddressRow> address = visibleAddress(c.addressId(), me, found);
        String idNumber = IdNumbers.normalised(c.idNumber());
        if (found.stream().noneMatch(v -> v.field().equals("idNumber")) && persons.idNumberTaken(idNumber)) {
            found.add(new Violation("idNumber", "id-number.duplicate", "该公民身份号码已登记"));
        }
        RegistryRefused.refuseIfAny(found);
        AddressRow a = address.orElseThrow();
        return persons.insert(
                c.name().strip(),
                idNumber,
                Phones.normalised(c.phone()),
                blankToNull(c.addressText()),
                IdNumbers.birthDate(idNumber),
                IdNumbers.sexOf(idNumber),
                c.residence(),
                a.id(),
                a.gridCode(),
                a.regionPath(),
                c.tags());
    }

    @Transactional
    public void changePerson(ChangePerson c, StaffPrincipal me) {
        mayWrite(me);
        StoredPerson p = visiblePerson(c.personId(), me).orElseThrow(() -> notFound(c.personId()));
        List<Violation> found = new ArrayList<>();
        name(found, c.name());
        found.addAll(Phones.check("phone", c.phone()));
        if (c.residence() == null) {
            found.add(new Violation("residence", "person.residence", "必须填写人口类型（户籍、流动或境外）"));
        }
        if (p.status() != PersonStatus.ACTIVE) {
            found.add(new Violation(
                    "personId", "person.not-active", "该人员" + p.status().label() + "，不能修改"));
        }
        Optional<AddressRow> address = visibleAddress(c.addressId(), me, found);
        RegistryRefused.refuseIfAny(found);
        AddressRow a = address.orElseThrow();
        if (!persons.update(
                c.personId(),
                c.version(),
                c.name().strip(),
                Phones.normalised(c.phone()),
                blankToNull(c.addressText()),
                c.residence(),
                a.id(),
                a.gridCode(),
                a.regionPath(),
                c.tags())) {
            throw Problems.conflict("人员信息已被他人修改，请刷新后重试");
        }
    }

    /** A person, masked; empty when unknown or outside the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<PersonView> person(long id, StaffPrincipal me) {
        return visiblePerson(id, me).map(Registry::masked);
    }

    /** The person with this ID number (found by its blind index), masked; empty when none the caller sees. */
    @Transactional(readOnly = true)
    public Optional<PersonView> findByIdNumber(String idNumber, StaffPrincipal me) {
        if (isBlank(idNumber)) {
            return Optional.empty();
        }
        return persons.findByIdNumber(IdNumbers.normalised(idNumber))
                .filter(p -> Access.sees(me, p.gridCode(), p.regionPath()))
                .map(Registry::masked);
    }

    /** The persons with this phone (found by its blind index), masked; only those the caller sees. */
    @Transactional(readOnly = true)
    public List<PersonView> findByPhone(String phone, StaffPrincipal me) {
        String normalised = Phones.normalised(phone);
        if (normalised == null) {
            return List.of();
        }
        return persons.findByPhone(normalised).stream()
                .filter(p -> Access.sees(me, p.gridCode(), p.regionPath()))
                .map(Registry::masked)
                .toList();
    }

    /**
     * A person unmasked, for a role that may and a stated purpose 查看事由; each read is written to the access log
     * (who, whom, which fields, when, why) in the same transaction, and to the platform's append-only audit trail
     * ({@code PERSON_VIEWED}). Empty when unknown or outside the caller's scope, and then nothing is logged.
     */
    @Transactional
    public Optional<UnmaskedPersonView> unmasked(long personId, String purpose, StaffPrincipal me) {
        if (!Access.mayUnmask(me)) {
            throw Problems.forbidden("您的角色不能查看人员的完整信息");
        }
        if (isBlank(purpose)) {
            RegistryRefused.refuseIfAny(List.of(new Violation("purpose", "purpose.missing", "查看完整信息必须填写查看事由")));
        }
        if (purpose.strip().length() > MAX_PURPOSE) {
            RegistryRefused.refuseIfAny(
                    List.of(new Violation("purpose", "purpose.length", "查看事由不能超过 " + MAX_PURPOSE + " 字")));
        }
        Optional<StoredPerson> found = visiblePerson(personId, me);
        found.ifPresent(p -> {
            persons.logAccess(
                    me.userId(), me.username(), p.id(), "name,idNumber,phone,address", purpose.strip(), p.regionPath());
            audit.record(me, "PERSON_VIEWED", "registry_person " + p.id());
        });
        return found.map(p -> new UnmaskedPersonView(
                p.id(),
                p.name(),
                p.idNumber(),
                p.phone(),
                p.address(),
                p.birthDate(),
                p.sex(),
                p.residence(),
                p.status(),
                p.addressId(),
                p.gridCode(),
                p.householdId(),
                p.tags()));
    }

    /** The unmasked reads of people in the caller's scope, newest first; for supervisors (admins and leaders). */
    @Transactional(readOnly = true)
    public List<AccessLogView> accessLog(StaffPrincipal me, int limit) {
        if (!Access.mayReadAccessLog(me)) {
            throw Problems.forbidden("您的角色不能查看个人信息访问记录");
        }
        return persons
                .accessLog(me.scopePath() == null ? "" : me.scopePath(), Math.max(1, Math.min(limit, 500)))
                .stream()
                .map(r -> new AccessLogView(
                        r.id(), r.at(), r.userId(), r.username(), r.personId(), r.fields(), r.purpose()))
                .toList();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Households

    @Transactional
    public long registerHousehold(RegisterHousehold c, StaffPrincipal me) {
        mayWrite(me);
        List<Violation> found = new ArrayList<>();
        Optional<AddressRow> address = visibleAddress(c.addressId(), me, found);
        found.addAll(members(null, c.members(), me));
        RegistryRefused.refuseIfAny(found);
        AddressRow a = address.orElseThrow();
        long id = households.insert(a.id(), a.gridCode(), a.regionPath(), c.members());
        for (Member m : c.members()) {
            events.append(
                    m.personId(),
                    id,
                    LifeEventKind.HOUSEHOLD_CHANGED,
                    today(),
                    "立户，" + m.relation().label(),
                    me.userId());
        }
        return id;
    }

    /** Changes the members; each person who joins, leaves or changes relation gets a 户内变更 event. */
    @Transactional
    public void changeHousehold(ChangeHousehold c, StaffPrincipal me) {
        mayWrite(me);
        HouseholdRow h = visibleHousehold(c.householdId(), me)
                .orElseThrow(() -> Problems.notFound("household", String.valueOf(c.householdId())));
        RegistryRefused.refuseIfAny(members(h.id(), c.members(), me));
        if (!households.replaceMembers(h.id(), c.version(), c.members())) {
            throw Problems.conflict("户信息已被他人修改，请刷新后重试");
        }
        Map<Long, Relation> before = h.members().stream().collect(Collectors.toMap(Member::personId, Member::relation));
        Map<Long, Relation> after = c.members().stream().collect(Collectors.toMap(Member::personId, Member::relation));
        Set<Long> everyone = new HashSet<>(before.keySet());
        everyone.addAll(after.keySet());
        for (Long person : everyone.stream().sorted().toList()) {
            Relation was = before.get(person);
            Relation is = after.get(person);
            if (was == is) {
                continue;
            }
            String note = was == null ? "加入本户，" + is.label() : is == null ? "离开本户" : was.label() + " → " + is.label();
            events.append(person, h.id(), LifeEventKind.HOUSEHOLD_CHANGED, today(), note, me.userId());
        }
    }

    /** A household with its members (names masked); empty when unknown or outside the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<HouseholdView> household(long id, StaffPrincipal me) {
        return visibleHousehold(id, me)
                .map(h -> new HouseholdView(
                        h.id(),
                        h.addressId(),
                        h.gridCode(),
                        h.version(),
                        h.members().stream()
                                .map(m -> new HouseholdView.MemberView(
                                        m.personId(),
                                        persons.find(m.personId())
                                                .map(p -> PersonalNumbers.name(p.name()))
                                                .orElse(null),
                                        m.relation()))
                                .toList()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Organisations

    @Transactional
    public long registerOrganisation(RegisterOrganisation c, StaffPrincipal me) {
        mayWrite(me);
        List<Violation> found = new ArrayList<>();
        if (c.kind() == null) {
            found.add(new Violation("kind", "organisation.kind", "必须填写组织类型（企业或社会组织）"));
        }
        if (isBlank(c.name())) {
            found.add(new Violation("name", "organisation.name", "必须填写组织名称"));
        }
        found.addAll(CreditCodes.check("creditCode", c.creditCode()));
        String code = CreditCodes.normalised(c.creditCode());
        if (found.stream().noneMatch(v -> v.field().equals("creditCode")) && organisations.creditCodeTaken(code)) {
            found.add(new Violation("creditCode", "credit-code.duplicate", "该统一社会信用代码已登记"));
        }
        Optional<AddressRow> address = visibleAddress(c.addressId(), me, found);
        if (c.responsiblePersonId() != null
                && visiblePerson(c.responsiblePersonId(), me).isEmpty()) {
            found.add(
                    new Violation("responsiblePersonId", "person.unknown", "负责人 " + c.responsiblePersonId() + " 不存在"));
        }
        RegistryRefused.refuseIfAny(found);
        AddressRow a = address.orElseThrow();
        return organisations.insert(
                c.kind(),
                c.name().strip(),
                code,
                blankToNull(c.industry()),
                a.id(),
                c.responsiblePersonId(),
                a.gridCode(),
                a.regionPath(),
                c.tags());
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> organisation(long id, StaffPrincipal me) {
        return organisations
                .find(id)
                .filter(o -> Access.sees(me, o.gridCode(), o.regionPath()))
                .map(o -> new OrganisationView(
                        o.id(),
                        o.kind(),
                        o.name(),
                        o.creditCode(),
                        o.industry(),
                        o.addressId(),
                        o.responsibleId(),
                        o.gridCode(),
                        o.tags()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Life events

    /**
     * Records a life event: 迁出, 死亡 and 注销 take the person out of their household (the head only as its last
     * member) and set their status; 迁入 brings a moved-out person back. Nothing is deleted.
     */
    @Transactional
    public void recordLifeEvent(RecordLifeEvent c, StaffPrincipal me) {
        mayWrite(me);
        StoredPerson p = visiblePerson(c.personId(), me).orElseThrow(() -> notFound(c.personId()));
        List<Violation> found = new ArrayList<>();
        if (c.kind() == null) {
            found.add(new Violation("kind", "life-event.kind", "必须填写变动类型"));
        } else if (!c.kind().allowedFrom(p.status())) {
            found.add(new Violation(
                    "kind",
                    "life-event.not-allowed",
                    "该人员" + p.status().label() + "，不能登记" + c.kind().label()));
        }
        if (c.occurredOn() == null || c.occurredOn().isAfter(today())) {
            found.add(new Violation("occurredOn", "life-event.date", "必须填写发生日期，且不能晚于今天"));
        }
        Optional<HouseholdRow> household = Optional.ofNullable(p.householdId()).flatMap(households::find);
        boolean leaves =
                c.kind() != null && c.kind().leaves() != null && c.kind().leaves() != PersonStatus.ACTIVE;
        if (leaves && household.isPresent()) {
            boolean head = household.get().members().stream()
                    .anyMatch(m -> m.personId() == p.id() && m.relation() == Relation.HEAD);
            if (head && household.get().members().size() > 1) {
                found.add(new Violation(
                        "personId", "household.head-leaves", "户主" + c.kind().label() + "前须先变更户主"));
            }
        }
        RegistryRefused.refuseIfAny(found);
        events.append(p.id(), p.householdId(), c.kind(), c.occurredOn(), blankToNull(c.note()), me.userId());
        if (leaves) {
            households.removeMember(p.id());
        }
        if (c.kind().leaves() != null && c.kind().leaves() != p.status()) {
            persons.setStatus(p.id(), c.kind().leaves());
        }
    }

    /** A person's life events, oldest first; empty when the person is unknown or outside the caller's scope. */
    @Transactional(readOnly = true)
    public List<LifeEventView> history(long personId, StaffPrincipal me) {
        if (visiblePerson(personId, me).isEmpty()) {
            return List.of();
        }
        return events.ofPerson(personId).stream().map(Registry::view).toList();
    }

    /** A household's life events, oldest first, also of those who have left it. */
    @Transactional(readOnly = true)
    public List<LifeEventView> householdHistory(long householdId, StaffPrincipal me) {
        if (visibleHousehold(householdId, me).isEmpty()) {
            return List.of();
        }
        return events.ofHousehold(householdId).stream().map(Registry::view).toList();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Scope, for the bulk import

    /**
     * Whether the caller may import files into the registry: desk work for a centre's dispatcher (of a village, town
     * or above) or an administrator, each into their own region only; not for grid workers.
     */
    public boolean mayImport(StaffPrincipal me) {
        return me != null && me.hasAnyRole(Role.ADMIN, Role.CENTRE_DISPATCHER);
    }

    /** Whether what lies in the grid (and region path) is within the caller's scope. */
    public boolean inScope(StaffPrincipal me, String gridCode, String regionPath) {
        return Access.sees(me, gridCode, regionPath);
    }

    // ---------------------------------------------------------------------------------------------------------

    private List<Violation> members(Long householdId, List<Member> members, StaffPrincipal me) {
        List<Violation> found =
                new ArrayList<>(new HouseholdRules(households::householdOf).check(householdId, members));
        if (members == null) {
            return found;
        }
        for (int i = 0; i < members.size(); i++) {
            long id = members.get(i).personId();
            Optional<StoredPerson> p = visiblePerson(id, me);
            if (p.isEmpty()) {
                found.add(new Violation("members[" + i + "].personId", "person.unknown", "人员 " + id + " 不存在"));
            } else if (p.get().status() != PersonStatus.ACTIVE) {
                found.add(new Violation(
                        "members[" + i + "].personId",
                        "person.not-active",
                        "人员 " + id + " " + p.get().status().label()));
            }
        }
        return found;
    }

    private Optional<StoredPerson> visiblePerson(long id, StaffPrincipal me) {
        return persons.find(id).filter(p -> Access.sees(me, p.gridCode(), p.regionPath()));
    }

    private Optional<HouseholdRow> visibleHousehold(long id, StaffPrincipal me) {
        return households.find(id).filter(h -> Access.sees(me, h.gridCode(), h.regionPath()));
    }

    private Optional<AddressRow> visibleAddress(long id, StaffPrincipal me, List<Violation> found) {
        Optional<AddressRow> a = places.address(id).filter(r -> Access.sees(me, r.gridCode(), r.regionPath()));
        if (a.isEmpty()) {
            found.add(new Violation("addressId", "address.unknown", "地址 " + id + " 不存在"));
        }
        return a;
    }

    private static PersonView masked(StoredPerson p) {
        return new PersonView(
                p.id(),
                PersonalNumbers.name(p.name()),
                PersonalNumbers.idNumber(p.idNumber()),
                PersonalNumbers.phone(p.phone()),
                PersonalNumbers.address(p.address()),
                p.sex(),
                p.birthDate().getYear(),
                p.residence(),
                p.status(),
                p.addressId(),
                p.gridCode(),
                p.householdId(),
                p.tags(),
                p.version());
    }

    private static LifeEventView view(LifeEventRows.LifeEventRow r) {
        return new LifeEventView(
                r.id(),
                r.personId(),
                r.householdId(),
                r.kind(),
                r.kind().label(),
                r.occurredOn(),
                r.note(),
                r.recordedBy(),
                r.recordedAt());
    }

    private static void mayWrite(StaffPrincipal me) {
        if (!Access.mayWrite(me)) {
            throw Problems.forbidden("您的角色不能登记或修改基础信息");
        }
    }

    private static void name(List<Violation> found, String name) {
        if (isBlank(name)) {
            found.add(new Violation("name", "person.name", "必须填写姓名"));
        } else if (name.strip().length() > MAX_NAME) {
            found.add(new Violation("name", "person.name", "姓名不能超过 " + MAX_NAME + " 字"));
        }
    }

    private static RuntimeException notFound(long personId) {
        return Problems.notFound("person", String.valueOf(personId));
    }

    private static LocalDate today() {
        return LocalDate.now(CITY);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Organisations, changed

    /** Changes an organisation's kind, name, industry, address, responsible person and tags. */
    @Transactional
    public void changeOrganisation(ChangeOrganisation c, StaffPrincipal me) {
        mayWrite(me);
        organisations
                .find(c.organisationId())
                .filter(o -> Access.sees(me, o.gridCode(), o.regionPath()))
                .orElseThrow(() -> Problems.notFound("organisation", String.valueOf(c.organisationId())));
        List<Violation> found = new ArrayList<>();
        if (c.kind() == null) {
            found.add(new Violation("kind", "organisation.kind", "必须填写组织类型（企业或社会组织）"));
        }
        if (isBlank(c.name())) {
            found.add(new Violation("name", "organisation.name", "必须填写组织名称"));
        }
        Optional<AddressRow> address = visibleAddress(c.addressId(), me, found);
        if (c.responsiblePersonId() != null
                && visiblePerson(c.responsiblePersonId(), me).isEmpty()) {
            found.add(
                    new Violation("responsiblePersonId", "person.unknown", "负责人 " + c.responsiblePersonId() + " 不存在"));
        }
        RegistryRefused.refuseIfAny(found);
        AddressRow a = address.orElseThrow();
        if (!organisations.update(
                c.organisationId(),
                c.version(),
                c.kind(),
                c.name().strip(),
                blankToNull(c.industry()),
                a.id(),
                c.responsiblePersonId(),
                a.gridCode(),
                a.regionPath(),
                c.tags())) {
            throw Problems.conflict("组织信息已被他人修改，请刷新后重试");
        }
    }

    /** A stored person as everyone sees them by default, for the registry's lists. */
    static PersonView maskedView(StoredPerson p) {
        return masked(p);
    }

    /**
     * Changes a person, keeping the registered name and/or phone where the form left them empty: a page that never
     * shows them unmasked can still change the rest. The kept values are not shown to anyone, so this is no
     * unmasked read and writes no access log.
     */
    @Transactional
    public void changePersonKeeping(ChangePerson c, boolean keepName, boolean keepPhone, StaffPrincipal me) {
        mayWrite(me);
        StoredPerson p = visiblePerson(c.personId(), me).orElseThrow(() -> notFound(c.personId()));
        changePerson(
                new ChangePerson(
                        c.personId(),
                        c.version(),
                        keepName ? p.name() : c.name(),
                        keepPhone ? p.phone() : c.phone(),
                        c.addressText() == null ? p.address() : c.addressText(),
                        c.residence(),
                        c.addressId(),
                        c.tags()),
                me);
    }
}
