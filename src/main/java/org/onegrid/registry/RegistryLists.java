package org.onegrid.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.registry.domain.CreditCodes;
import org.onegrid.registry.domain.IdNumbers;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.registry.domain.PersonStatus;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Phones;
import org.onegrid.registry.domain.Relation;
import org.onegrid.registry.domain.Violation;
import org.onegrid.registry.persistence.AddressRow;
import org.onegrid.registry.persistence.HouseholdRows;
import org.onegrid.registry.persistence.HouseholdRows.HouseholdRow;
import org.onegrid.registry.persistence.ListRows;
import org.onegrid.registry.persistence.ListRows.Where;
import org.onegrid.registry.persistence.PersonRows;
import org.onegrid.registry.persistence.PlaceRows;
import org.onegrid.registry.persistence.RegisteredOrganisationRows;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.privacy.PersonalNumbers;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's lists and look-ups, the read side next to {@link Registry}: persons, households, organisations,
 * addresses and buildings of a grid or region, paged, with totals and the counts per tag; the access log by its
 * filters. Everything masked and bounded by the caller's scope; a grid or region outside it is answered exactly like
 * one that does not exist (404).
 *
 * <p>Names are encrypted, so there is no city-wide search by name: a name is searched only within one grid's list,
 * by decrypting that grid's few hundred persons. ID numbers and phones are found city-wide by their blind index.
 */
@Service
public class RegistryLists {

    static final int MAX_SIZE = 200;
    private static final ZoneId CITY = CityTime.ZONE;

    private final Grids grids;
    private final Regions regions;
    private final ListRows lists;
    private final PersonRows persons;
    private final HouseholdRows households;
    private final PlaceRows places;
    private final RegisteredOrganisationRows organisations;
    private final Registry registry;

    RegistryLists(
            Grids grids,
            Regions regions,
            ListRows lists,
            PersonRows persons,
            HouseholdRows households,
            PlaceRows places,
            RegisteredOrganisationRows organisations,
            Registry registry) {
        this.grids = grids;
        this.regions = regions;
        this.lists = lists;
        this.persons = persons;
        this.households = households;
        this.places = places;
        this.organisations = organisations;
        this.registry = registry;
    }

    /**
     * Which part of the registry a list covers: one grid, or a region's subtree (village, town, county), or — both
     * null — everything the caller sees.
     */
    public record Area(String gridCode, String regionCode) {

        public static final Area ALL = new Area(null, null);
    }

    /**
     * Persons, masked. By exact ID number or phone (blind index), else by area, tag and status; by name only within
     * one grid.
     */
    @Transactional(readOnly = true)
    public Listing<PersonView> persons(
            Area area,
            String idNumber,
            String phone,
            String name,
            PersonTag tag,
            PersonStatus status,
            int page,
            int size,
            StaffPrincipal me) {
        Where where = where(area, me);
        checkPaging(page, size);
        if (!isBlank(idNumber)) {
            refuse(IdNumbers.check("idNumber", idNumber, null, null));
            List<PersonView> found = registry.findByIdNumber(idNumber, me).stream()
                    .filter(p -> inArea(p.gridCode(), area))
                    .toList();
            return new Listing<>(found, found.size(), 0, size);
        }
        if (!isBlank(phone)) {
            refuse(Phones.check("phone", phone));
            List<PersonView> found = registry.findByPhone(phone, me).stream()
                    .filter(p -> inArea(p.gridCode(), area))
                    .toList();
            return new Listing<>(found, found.size(), 0, size);
        }
        if (!isBlank(name)) {
            if (area.gridCode() == null) {
                refuse(List.of(new Violation("name", "search.name-needs-grid", "姓名已加密存储，只能在一个网格内按姓名查找，请先选择网格")));
            }
            String wanted = name.strip();
            List<PersonView> found = lists.personsOfGrid(area.gridCode()).stream()
                    .map(persons::find)
                    .flatMap(Optional::stream)
                    .filter(p -> p.name().contains(wanted))
                    .filter(p -> tag == null || p.tags().contains(tag))
                    .filter(p -> status == null || p.status() == status)
                    .map(Registry::maskedView)
                    .toList();
            return slice(found, page, size);
        }
        ListRows.Ids ids = lists.persons(where, tag, status, page, size);
        return new Listing<>(
                ids.ids().stream()
                        .map(persons::find)
                        .flatMap(Optional::stream)
                        .map(Registry::maskedView)
                        .toList(),
                ids.total(),
                page,
                size);
    }

    /** Households of an area, each with its address, head (masked) and size; optionally those with a tagged member. */
    @Transactional(readOnly = true)
    public Listing<HouseholdSummaryView> households(Area area, PersonTag tag, int page, int size, StaffPrincipal me) {
        Where where = where(area, me);
        checkPaging(page, size);
        ListRows.Ids ids = lists.households(where, tag, page, size);
        return new Listing<>(
                ids.ids().stream()
                        .map(households::find)
                        .flatMap(Optional::stream)
                        .map(this::summary)
                        .toList(),
                ids.total(),
                page,
                size);
    }

    /** Organisations: by credit code (exact), else by area and tag. */
    @Transactional(readOnly = true)
    public Listing<OrganisationView> organisations(
            Area area, String creditCode, OrganisationTag tag, int page, int size, StaffPrincipal me) {
        Where where = where(area, me);
        checkPaging(page, size);
        if (!isBlank(creditCode)) {
            refuse(CreditCodes.check("creditCode", creditCode));
            List<OrganisationView> found = lists.organisationByCreditCode(CreditCodes.normalised(creditCode)).stream()
                    .map(id -> registry.organisation(id, me))
                    .flatMap(Optional::stream)
                    .filter(o -> inArea(o.gridCode(), area))
                    .toList();
            return new Listing<>(found, found.size(), 0, size);
        }
        ListRows.Ids ids = lists.organisations(where, tag, page, size);
        return new Listing<>(
                ids.ids().stream()
                        .map(id -> registry.organisation(id, me))
                        .flatMap(Optional::stream)
                        .toList(),
                ids.total(),
                page,
                size);
    }

    /** The version an organisation's edit must carry; empty when it is unknown or outside the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<Integer> organisationVersion(long id, StaffPrincipal me) {
        return registry.organisation(id, me).flatMap(o -> organisations.version(id));
    }

    /** The counts of an area: persons in the register, households, organisations, and the totals per tag. */
    @Transactional(readOnly = true)
    public RegistryCounts counts(Area area, StaffPrincipal me) {
        ListRows.Counts c = lists.counts(where(area, me));
        return new RegistryCounts(c.persons(), c.households(), c.organisations(), c.personTags(), c.organisationTags());
    }

    @Transactional(readOnly = true)
    public Optional<AddressView> address(long id, StaffPrincipal me) {
        mayRead(me);
        return places.address(id)
                .filter(a -> Access.sees(me, a.gridCode(), a.regionPath()))
                .map(RegistryLists::view);
    }

    @Transactional(readOnly = true)
    public Listing<AddressView> addresses(Area area, int page, int size, StaffPrincipal me) {
        Where where = where(area, me);
        checkPaging(page, size);
        ListRows.Ids ids = lists.addresses(where, page, size);
        return new Listing<>(
                ids.ids().stream()
                        .map(places::address)
                        .flatMap(Optional::stream)
                        .map(RegistryLists::view)
                        .toList(),
                ids.total(),
                page,
                size);
    }

    @Transactional(readOnly = true)
    public Optional<BuildingView> building(long id, StaffPrincipal me) {
        mayRead(me);
        return lists.building(id)
                .filter(b -> Access.sees(me, b.gridCode(), b.regionPath()))
                .map(RegistryLists::view);
    }

    /** The buildings of an area, or at one address; at most {@value #MAX_SIZE}. */
    @Transactional(readOnly = true)
    public List<BuildingView> buildings(Area area, Long addressId, StaffPrincipal me) {
        return lists.buildings(where(area, me), addressId, MAX_SIZE).stream()
                .map(RegistryLists::view)
                .toList();
    }

    /** A household's address as one line; empty when unknown or outside the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<HouseholdSummaryView> householdSummary(long id, StaffPrincipal me) {
        return registry.household(id, me).flatMap(h -> households.find(id)).map(this::summary);
    }

    /** One unmasked read in the access log, with the masked name of the person read. */
    public record AccessLogEntry(AccessLogView entry, String maskedName) {}

    /**
     * The access log of the caller's scope, newest first, by person, staff member (username) and dates (inclusive, in
     * the city's calendar); for supervisors.
     */
    @Transactional(readOnly = true)
    public Listing<AccessLogEntry> accessLog(
            Long personId, String username, LocalDate from, LocalDate to, int page, int size, StaffPrincipal me) {
        if (!Access.mayReadAccessLog(me)) {
            throw Problems.forbidden("您的角色不能查看个人信息访问记录");
        }
        checkPaging(page, size);
        if (from != null && to != null && to.isBefore(from)) {
            refuse(List.of(new Violation("to", "dates.order", "结束日期不能早于开始日期")));
        }
        String scope = me.scopePath() == null ? "" : me.scopePath();
        Instant start = from == null ? null : from.atStartOfDay(CITY).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(CITY).toInstant();
        String user = isBlank(username) ? null : username.strip();
        long total = lists.accessLogTotal(scope, personId, user, start, end);
        List<AccessLogEntry> rows = lists.accessLog(scope, personId, user, start, end, page, size).stream()
                .map(r -> new AccessLogEntry(
                        new AccessLogView(
                                r.id(), r.at(), r.userId(), r.username(), r.personId(), r.fields(), r.purpose()),
                        persons.find(r.personId())
                                .map(p -> PersonalNumbers.name(p.name()))
                                .orElse(null)))
                .toList();
        return new Listing<>(rows, total, page, size);
    }

    // ---------------------------------------------------------------------------------------------------------

    private HouseholdSummaryView summary(HouseholdRow h) {
        Long head = h.members().stream()
                .filter(m -> m.relation() == Relation.HEAD)
                .map(m -> m.personId())
                .findFirst()
                .orElse(null);
        String headName = head == null
                ? null
                : persons.find(head).map(p -> PersonalNumbers.name(p.name())).orElse(null);
        String line = places.address(h.addressId()).map(RegistryLists::line).orElse("");
        return new HouseholdSummaryView(
                h.id(),
                h.addressId(),
                line,
                h.gridCode(),
                head,
                headName,
                h.members().size());
    }

    /** The rows a list may show: the caller's scope narrowed to the area; 404 for an area outside it or unknown. */
    private Where where(Area area, StaffPrincipal me) {
        mayRead(me);
        boolean bound = Access.gridBound(me);
        List<String> mine = bound ? List.copyOf(me.grids()) : null;
        String scope = bound ? "" : me.scopePath() == null ? "" : me.scopePath();
        String grid = blankToNull(area.gridCode());
        String region = blankToNull(area.regionCode());
        String path = scope;
        if (grid != null) {
            Optional<Location> at = grids.location(grid);
            if (at.isEmpty()
                    || (bound && !me.grids().contains(grid))
                    || (!bound && !at.get().village().path().startsWith(scope))) {
                throw Problems.notFound("grid", grid);
            }
        }
        if (region != null) {
            Optional<RegionView> r = regions.find(region);
            boolean visible = r.isPresent()
                    && (bound
                            ? grids.inRegion(region).stream()
                                    .map(GridView::code)
                                    .anyMatch(me.grids()::contains)
                            : r.get().path().startsWith(scope));
            if (!visible) {
                throw Problems.notFound("region", region);
            }
            path = r.get().path();
        }
        return new Where(path, mine, grid);
    }

    private boolean inArea(String gridCode, Area area) {
        if (area.gridCode() != null && !area.gridCode().isBlank()) {
            return area.gridCode().equals(gridCode);
        }
        if (area.regionCode() != null && !area.regionCode().isBlank()) {
            Optional<RegionView> r = regions.find(area.regionCode());
            return r.isPresent()
                    && grids.location(gridCode)
                            .map(l -> l.village().path().startsWith(r.get().path()))
                            .orElse(false);
        }
        return true;
    }

    private static void mayRead(StaffPrincipal me) {
        if (!Access.readsRegistry(me)) {
            throw Problems.forbidden("您的角色不能查看基础信息");
        }
    }

    private static void checkPaging(int page, int size) {
        List<Violation> found = new ArrayList<>();
        if (page < 0) {
            found.add(new Violation("page", "paging.page", "页码不能小于 0"));
        }
        if (size < 1 || size > MAX_SIZE) {
            found.add(new Violation("size", "paging.size", "每页条数须在 1 到 " + MAX_SIZE + " 之间"));
        }
        refuse(found);
    }

    private static void refuse(List<Violation> found) {
        RegistryRefused.refuseIfAny(found);
    }

    private static <T> Listing<T> slice(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        return new Listing<>(all.subList(from, Math.min(from + size, all.size())), all.size(), page, size);
    }

    static String line(AddressRow a) {
        return Stream.of(a.road(), a.number(), a.building(), a.unit(), a.room())
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining());
    }

    private static AddressView view(AddressRow a) {
        return new AddressView(
                a.id(),
                line(a),
                a.road(),
                a.number(),
                a.building(),
                a.unit(),
                a.room(),
                a.lng(),
                a.lat(),
                a.gridCode(),
                a.villageCode(),
                a.townCode(),
                a.countyCode());
    }

    private static BuildingView view(ListRows.BuildingRow b) {
        return new BuildingView(b.id(), b.addressId(), b.name(), b.floors(), b.use(), b.lng(), b.lat(), b.gridCode());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
