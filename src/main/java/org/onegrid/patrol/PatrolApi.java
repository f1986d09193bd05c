package org.onegrid.patrol;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.ReportIncident;
import org.onegrid.patrol.domain.ChangeKind;
import org.onegrid.patrol.domain.ChangeRequest;
import org.onegrid.patrol.domain.Door;
import org.onegrid.patrol.domain.Outcome;
import org.onegrid.patrol.domain.Rejection;
import org.onegrid.patrol.domain.Schedule;
import org.onegrid.patrol.domain.Visit;
import org.onegrid.patrol.domain.VisitRefused;
import org.onegrid.patrol.persistence.CampaignRows;
import org.onegrid.patrol.persistence.ChangeRequestRows;
import org.onegrid.patrol.persistence.ChangeRequestRows.ChangeRow;
import org.onegrid.patrol.persistence.CoverageRows;
import org.onegrid.patrol.persistence.ScheduleRows;
import org.onegrid.patrol.persistence.ScheduleRows.ScheduleRow;
import org.onegrid.patrol.persistence.VisitRows;
import org.onegrid.patrol.persistence.VisitRows.VisitRow;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.registry.HouseholdCard;
import org.onegrid.registry.RecordLifeEvent;
import org.onegrid.registry.RegisteredCount;
import org.onegrid.registry.Registry;
import org.onegrid.registry.RegistryQueries;
import org.onegrid.registry.domain.LifeEventKind;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Relation;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.geo.Position;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits 入户走访 and their coverage. A grid worker lists the households due in their own grids and records a visit
 * at the door in one step — with the problem found reported into the incident loop and the change found sent to the
 * village centre in the same transaction: either all of it is recorded, or nothing. Households outside the caller's
 * grids or region are answered as if they did not exist.
 */
@Service
@EnableConfigurationProperties(PatrolSettings.class)
public class PatrolApi {

    private static final ZoneId CITY = CityTime.ZONE;
    private static final int MAX_PHOTOS = 9;

    private final RegistryQueries households;
    private final Registry registry;
    private final IncidentApi incidents;
    private final Regions regions;
    private final Grids grids;
    private final ScheduleRows schedules;
    private final VisitRows visits;
    private final CoverageRows coverage;
    private final ChangeRequestRows changes;
    private final CampaignRows campaigns;
    private final PatrolSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PatrolApi(
            RegistryQueries households,
            Registry registry,
            IncidentApi incidents,
            Regions regions,
            Grids grids,
            ScheduleRows schedules,
            VisitRows visits,
            CoverageRows coverage,
            ChangeRequestRows changes,
            CampaignRows campaigns,
            PatrolSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.households = households;
        this.registry = registry;
        this.incidents = incidents;
        this.regions = regions;
        this.grids = grids;
        this.schedules = schedules;
        this.visits = visits;
        this.coverage = coverage;
        this.changes = changes;
        this.campaigns = campaigns;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** The city's today. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(CITY));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The grid worker's day

    /**
     * 今日走访: the households of the worker's own grids due today or overdue — revisits first, then the most overdue —
     * with each household's card (masked).
     */
    @Transactional
    public List<DueHouseholdView> due(StaffPrincipal me) {
        return households(me).stream().filter(DueHouseholdView::due).toList();
    }

    /** All households of the worker's own grids with their schedules, due ones first. */
    @Transactional
    public List<DueHouseholdView> households(StaffPrincipal me) {
        mustBeGridWorker(me);
        List<String> own = List.copyOf(me.grids());
        List<HouseholdCard> cards = households.householdsInGrids(own, me);
        Map<Long, Schedule> known = take(own, cards);
        LocalDate today = today();
        return cards.stream()
                .map(c -> view(c, known.get(c.id()), today))
                .sorted(Comparator.comparing((DueHouseholdView v) -> !v.due())
                        .thenComparing(v -> !v.revisit())
                        .thenComparing(v -> v.revisit() ? v.revisitBy() : v.nextDueOn())
                        .thenComparing(v -> v.card().id()))
                .toList();
    }

    /** One household of the worker's grids, with its schedule; empty when not theirs. */
    @Transactional
    public Optional<DueHouseholdView> household(long householdId, StaffPrincipal me) {
        mustBeGridWorker(me);
        return households
                .household(householdId, me)
                .filter(c -> me.grids().contains(c.gridCode()))
                .map(c -> {
                    Map<Long, Schedule> known = take(List.of(), List.of(c));
                    return view(c, known.get(c.id()), today());
                });
    }

    /** The household's latest visits, newest first; empty when not the caller's. */
    @Transactional(readOnly = true)
    public List<VisitView> visitsOf(long householdId, StaffPrincipal me) {
        if (households.household(householdId, me).isEmpty()) {
            return List.of();
        }
        return visits.ofHousehold(householdId, 20).stream()
                .map(r -> view(r, null, null))
                .toList();
    }

    /** The caller's own visits of today, newest first. */
    @Transactional(readOnly = true)
    public List<VisitView> myVisitsToday(StaffPrincipal me) {
        return visits.ofVisitor(me.userId(), today()).stream()
                .map(r -> view(r, null, null))
                .toList();
    }

    /**
     * 登记走访. Refused with every reason ({@link VisitRefused}) when it cannot have happened as told — from kilometres
     * away, with impossible times, without a position — and then nothing is recorded. A problem found becomes an
     * incident (channel 巡查发现) in the same transaction; if the incident loop refuses it, the visit is not recorded
     * either. Sending the same {@code id} again answers the visit recorded the first time.
     */
    @Transactional
    public VisitView recordVisit(RecordVisit c, StaffPrincipal me) {
        mustBeGridWorker(me);
        if (c.id() != null) {
            Optional<VisitRow> earlier = visits.find(c.id());
            if (earlier.isPresent()) {
                if (earlier.get().visitorId() != me.userId() || earlier.get().householdId() != c.householdId()) {
                    throw Problems.conflict("走访编号 " + c.id() + " 已用于另一次走访");
                }
                return view(earlier.get(), null, null);
            }
        }
        HouseholdCard card = households
                .household(c.householdId(), me)
                .filter(h -> me.grids().contains(h.gridCode()))
                .orElseThrow(() -> Problems.notFound("household", String.valueOf(c.householdId())));
        List<Rejection> found = new ArrayList<>();
        if (c.photoIds().size() > MAX_PHOTOS) {
            found.add(new Rejection("photoIds", "visit.photos", "最多上传 " + MAX_PHOTOS + " 张照片"));
        }
        ChangeRequest change = null;
        if (c.outcome() == Outcome.CHANGED || c.outcome() == Outcome.MOVED_AWAY) {
            RecordVisit.Change given = c.change();
            ChangeKind kind = c.outcome() == Outcome.MOVED_AWAY
                    ? ChangeKind.HOUSEHOLD_MOVED_AWAY
                    : given == null ? null : given.kind();
            try {
                change = ChangeRequest.raise(
                        kind,
                        given == null ? null : given.personId(),
                        given == null ? null : given.description(),
                        card.members().stream()
                                .map(HouseholdCard.Member::personId)
                                .toList());
            } catch (VisitRefused refused) {
                found.addAll(refused.rejections());
            }
        }
        RecordVisit.Problem problem = c.problem();
        if (problem != null && (problem.itemCode() == null || problem.itemCode().isBlank())) {
            found.add(new Rejection("problem.itemCode", "problem.item", "发现问题须选择事件类型"));
        }
        Position at = c.lng() == null || c.lat() == null ? null : new Position(c.lng(), c.lat());
        Door door = new Door(
                card.id(), card.gridCode(), card.regionPath(), new Position(card.lng(), card.lat()), card.persons());
        Visit visit;
        try {
            visit = Visit.record(
                    c.id() == null ? UUID.randomUUID() : c.id(),
                    door,
                    me.userId(),
                    c.outcome(),
                    c.startedAt(),
                    c.endedAt(),
                    at,
                    c.personsVerified(),
                    c.notes(),
                    settings.rules(),
                    clock.instant());
        } catch (VisitRefused refused) {
            found.addAll(0, refused.rejections());
            throw new VisitRefused(found);
        }
        if (!found.isEmpty()) {
            throw new VisitRefused(found);
        }

        take(List.of(), List.of(card));
        // the schedule locked: two visits to one household recorded at once move it on one after the other
        Schedule before = schedules.lock(card.id()).orElseThrow().schedule();
        Schedule after = before.after(visit.outcome(), visit.day(), settings.revisitDays());
        long number = visits.insert(visit, me.displayName(), c.photoIds());
        schedules.save(card.id(), after);
        coverage.count(
                card.id(),
                card.gridCode(),
                card.regionPath(),
                visit.day(),
                visit.outcome().reachesHousehold(),
                visit.personsVerified());
        if (visit.outcome().reachesHousehold()) {
            for (CampaignRows.CampaignRow running : campaigns.running(card.regionPath(), visit.day())) {
                campaigns.count(
                        running.id(),
                        card.id(),
                        visit.id(),
                        card.gridCode(),
                        card.regionPath(),
                        visit.personsVerified());
            }
        }
        Long changeId = change == null
                ? null
                : changes.insert(visit.id(), card.id(), card.gridCode(), card.regionPath(), change);
        UUID incident = null;
        if (problem != null) {
            incident = incidents
                    .report(
                            new ReportIncident(
                                    problem.itemCode().strip(),
                                    (problem.text() == null
                                                    ? ""
                                                    : problem.text().strip()) + "（入户走访第 " + number + " 号发现）",
                                    "PATROL",
                                    card.lng(),
                                    card.lat(),
                                    card.address(),
                                    null,
                                    null,
                                    null,
                                    c.photoIds()),
                            "patrol-visit-" + visit.id(),
                            me)
                    .incident()
                    .id();
            visits.linkIncident(visit.id(), incident);
        }
        events.publishEvent(new VisitRecorded(
                visit.id(),
                card.id(),
                card.gridCode(),
                card.regionPath(),
                visit.outcome(),
                visit.day(),
                visit.personsVerified(),
                me.userId()));
        return view(visits.find(visit.id()).orElseThrow(), changeId, after.revisitBy());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Change requests 信息有变

    /** The change requests of the caller's region, pending first; for the village (and higher) centres. */
    @Transactional(readOnly = true)
    public List<ChangeRequestView> changeRequests(boolean pendingOnly, StaffPrincipal me) {
        mustDecide(me);
        return changes.inRegion(scope(me), pendingOnly, 200).stream()
                .map(r -> view(r, me))
                .toList();
    }

    /** Confirms a change and applies it to the registry (迁出, 死亡 of a member; a household moved away: all out). */
    @Transactional
    public ChangeRequestView confirm(long id, int version, StaffPrincipal me) {
        ChangeRow row = decidable(id, me);
        ChangeRequest confirmed = row.request().confirm();
        if (!changes.decide(id, version, confirmed.status(), me.userId(), clock.instant(), null)) {
            throw Problems.conflict("该变更申请已被他人处理，请刷新后重试");
        }
        LocalDate today = today();
        String note = "入户走访第 " + row.visitNumber() + " 号发现，" + me.orgName() + "确认";
        switch (row.request().kind()) {
            case MEMBER_MOVED_OUT ->
                registry.recordLifeEvent(
                        new RecordLifeEvent(row.request().personId(), LifeEventKind.MOVED_OUT, today, note), me);
            case MEMBER_DIED ->
                registry.recordLifeEvent(
                        new RecordLifeEvent(row.request().personId(), LifeEventKind.DIED, today, note), me);
            case HOUSEHOLD_MOVED_AWAY -> {
                // the head leaves last: the registry keeps a household's head while others remain
                List<HouseholdCard.Member> members =
                        households
                                .household(row.householdId(), me)
                                .map(HouseholdCard::members)
                                .orElse(List.of())
                                .stream()
                                .sorted(Comparator.comparing(m -> m.relation() == Relation.HEAD))
                                .toList();
                for (HouseholdCard.Member m : members) {
                    registry.recordLifeEvent(
                            new RecordLifeEvent(m.personId(), LifeEventKind.MOVED_OUT, today, note), me);
                }
            }
            case OTHER -> {
                // written down for the village; nothing in the registry to change by itself
            }
        }
        return view(changes.find(id).orElseThrow(), me);
    }

    @Transactional
    public ChangeRequestView reject(long id, int version, String reason, StaffPrincipal me) {
        ChangeRow row = decidable(id, me);
        ChangeRequest rejected = row.request().reject(reason);
        if (!changes.decide(id, version, rejected.status(), me.userId(), clock.instant(), reason.strip())) {
            throw Problems.conflict("该变更申请已被他人处理，请刷新后重试");
        }
        return view(changes.find(id).orElseThrow(), me);
    }

    private ChangeRow decidable(long id, StaffPrincipal me) {
        mustDecide(me);
        return changes.find(id)
                .filter(r -> me.canSeePath(r.regionPath()))
                .orElseThrow(() -> Problems.notFound("change request", String.valueOf(id)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Coverage 村不漏户、户不漏人

    /**
     * Coverage of a region (default: the caller's) in a period, with its parts one level down (a village's: its
     * grids). For centres, leaders and administrators within their scope; outside it, not found.
     */
    @Transactional
    public CoverageView coverage(String regionCode, Period period, StaffPrincipal me) {
        RegionView region = visibleRegion(regionCode, me);
        if (region.level() == RegionLevel.TOWN || region.level() == RegionLevel.VILLAGE) {
            // small enough to count afresh at each look; the higher levels read the counts last kept
            keepRegistered(region.path());
        }
        int depth = region.level() == RegionLevel.VILLAGE ? 0 : depth(region.path()) + 2;
        List<CoverageRows.Part> visited = period.key() != null
                ? coverage.rollUp(region.path(), period.key(), depth)
                : coverage.rollUpVisits(region.path(), period.from(), period.to(), depth);
        Map<String, CoverageRows.Part> registered = coverage.registered(region.path(), depth).stream()
                .collect(Collectors.toMap(CoverageRows.Part::key, p -> p));
        Map<String, CoverageRows.Part> byKey =
                visited.stream().collect(Collectors.toMap(CoverageRows.Part::key, p -> p));
        List<CoverageView.Part> parts = new ArrayList<>();
        if (region.level() == RegionLevel.VILLAGE) {
            for (GridView g : grids.inRegion(region.code())) {
                parts.add(new CoverageView.Part(
                        g.code(), g.name(), true, figures(registered.get(g.code()), byKey.get(g.code()))));
            }
        } else {
            for (RegionView child : regions.children(region.code())) {
                parts.add(new CoverageView.Part(
                        child.code(),
                        child.name(),
                        false,
                        figures(registered.get(child.code()), byKey.get(child.code()))));
            }
        }
        CoverageView.Figures total = parts.stream()
                .map(CoverageView.Part::figures)
                .reduce(new CoverageView.Figures(0, 0, 0, 0, 0), PatrolApi::sum);
        return new CoverageView(
                region.code(),
                region.name(),
                region.level().name(),
                period.label(),
                total,
                schedules.overdueRevisits(region.path(), today()),
                parts);
    }

    /** A household not yet visited in the period, with its card. */
    public record NotVisited(long householdId, String gridCode, String address, String maskedHead, int persons) {}

    /**
     * 未走访户: a page (of 20) of the households of a region (or one of its grids) with no visit in the period, by
     * grid. For a month, quarter or year.
     */
    @Transactional
    public List<NotVisited> notVisited(String regionCode, String gridCode, Period period, int page, StaffPrincipal me) {
        RegionView region = visibleRegion(regionCode, me);
        if (period.key() == null) {
            throw Problems.invalid("period", "未走访户按月、季度或年查看");
        }
        if (region.level() == RegionLevel.VILLAGE || region.level() == RegionLevel.TOWN) {
            take(List.of(), households.householdsInRegion(region.path(), me));
        }
        return schedules.notVisited(region.path(), blankToNull(gridCode), period.key(), Math.max(0, page), 20).stream()
                .map(id -> households.household(id, me))
                .flatMap(Optional::stream)
                .map(c -> new NotVisited(c.id(), c.gridCode(), c.address(), c.maskedHead(), c.persons()))
                .toList();
    }

    /**
     * Takes in the registry's households of a region subtree (schedules, counts): after an import, and before a
     * generator visits them. For administrators.
     */
    @Transactional
    public int takeInRegion(String regionPath, StaffPrincipal me) {
        if (!me.hasRole(Role.ADMIN)) {
            throw Problems.forbidden("仅管理员可以同步走访户");
        }
        List<HouseholdCard> cards = households.householdsInRegion(regionPath, me);
        take(List.of(), cards);
        keepRegistered(regionPath);
        return cards.size();
    }

    /**
     * 走访计划刷新: brings the visit schedules of a region subtree up to date with the registry, for the nightly job —
     * each household's interval by its members' tags as they are now (a member newly tagged 独居老人 brings the next
     * visit forward, a tag removed puts it back), new households scheduled, the grids' registered counts kept.
     *
     * @return the households looked at
     */
    @Transactional
    int refreshSchedules(String regionPath) {
        List<HouseholdCard> cards = households.allHouseholdsInRegion(regionPath);
        take(List.of(), cards);
        keepRegistered(regionPath);
        return cards.size();
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * Makes sure every household given has a schedule at its current interval; for {@code grids} given, households
     * no longer in the registry are retired and the grids' registered counts kept.
     */
    private Map<Long, Schedule> take(List<String> gridsInFull, List<HouseholdCard> cards) {
        LocalDate today = today();
        Map<Long, ScheduleRow> existing = new HashMap<>();
        List<String> cardGrids =
                cards.stream().map(HouseholdCard::gridCode).distinct().toList();
        for (ScheduleRow r : schedules.ofGrids(cardGrids)) {
            existing.put(r.householdId(), r);
        }
        Map<Long, Schedule> result = new LinkedHashMap<>();
        for (HouseholdCard c : cards) {
            int every = settings.frequency().everyDays(c.tags());
            ScheduleRow known = existing.get(c.id());
            if (known == null) {
                known = schedules.find(c.id()).orElse(null);
            }
            Schedule s = known == null
                    ? Schedule.first(c.id(), every, today)
                    : known.schedule().every(every);
            if (known == null
                    || !s.equals(known.schedule())
                    || known.persons() != c.persons()
                    || !known.gridCode().equals(c.gridCode())) {
                schedules.upsert(c.id(), c.gridCode(), c.regionPath(), c.persons(), s);
            }
            result.put(c.id(), s);
        }
        if (!gridsInFull.isEmpty()) {
            schedules.retireOthers(
                    gridsInFull, cards.stream().map(HouseholdCard::id).toList());
            Map<String, List<HouseholdCard>> byGrid =
                    cards.stream().collect(Collectors.groupingBy(HouseholdCard::gridCode));
            for (String g : gridsInFull) {
                List<HouseholdCard> of = byGrid.getOrDefault(g, List.of());
                String path = of.isEmpty()
                        ? grids.location(g).map(l -> l.village().path()).orElse(null)
                        : of.get(0).regionPath();
                if (path != null) {
                    coverage.keepRegistered(
                            g,
                            path,
                            of.size(),
                            of.stream().mapToInt(HouseholdCard::persons).sum());
                }
            }
        }
        return result;
    }

    /** Keeps the registry's counts of the grids of a region subtree: the denominators of coverage and targets. */
    void keepRegistered(String regionPath) {
        List<RegisteredCount> counts = households.registeredByGrid(regionPath);
        for (RegisteredCount r : counts) {
            coverage.keepRegistered(r.gridCode(), r.regionPath(), r.households(), r.persons());
        }
        coverage.forgetRegisteredExcept(
                regionPath, counts.stream().map(RegisteredCount::gridCode).toList());
    }

    /** Whether the visit was recorded by the caller. */
    boolean isOwnVisit(UUID visitId, StaffPrincipal me) {
        return visits.find(visitId).filter(v -> v.visitorId() == me.userId()).isPresent();
    }

    private RegionView visibleRegion(String regionCode, StaffPrincipal me) {
        if (!me.hasAnyRole(Role.ADMIN, Role.LEADER, Role.CENTRE_DISPATCHER)) {
            throw Problems.forbidden("走访覆盖情况供综治中心、领导和管理员查看");
        }
        String code = regionCode == null || regionCode.isBlank() ? me.regionCode() : regionCode.strip();
        if (code == null || code.isBlank()) {
            code = regions.all().stream()
                    .filter(r -> r.level() == RegionLevel.CITY)
                    .map(RegionView::code)
                    .findFirst()
                    .orElse("");
        }
        String wanted = code;
        return regions.find(wanted).filter(me::canSee).orElseThrow(() -> Problems.notFound("region", wanted));
    }

    private static int depth(String path) {
        return (int) java.util.Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty())
                .count();
    }

    private static CoverageView.Figures figures(CoverageRows.Part registered, CoverageRows.Part visited) {
        return new CoverageView.Figures(
                registered == null ? 0 : registered.householdsVisited(),
                visited == null ? 0 : visited.householdsVisited(),
                registered == null ? 0 : registered.personsVerified(),
                visited == null ? 0 : visited.personsVerified(),
                visited == null ? 0 : visited.visits());
    }

    private static CoverageView.Figures sum(CoverageView.Figures a, CoverageView.Figures b) {
        return new CoverageView.Figures(
                a.householdsRegistered() + b.householdsRegistered(),
                a.householdsVisited() + b.householdsVisited(),
                a.personsRegistered() + b.personsRegistered(),
                a.personsVerified() + b.personsVerified(),
                a.visits() + b.visits());
    }

    private DueHouseholdView view(HouseholdCard c, Schedule s, LocalDate today) {
        return new DueHouseholdView(
                c,
                c.tags().stream().sorted().map(PersonTag::label).toList(),
                s.everyDays(),
                s.lastVisitOn(),
                s.nextDueOn(),
                s.revisitBy(),
                s.dueOn(today),
                s.overdueOn(today));
    }

    private static VisitView view(VisitRow r, Long changeId, LocalDate revisitBy) {
        Outcome o = Outcome.valueOf(r.outcome());
        return new VisitView(
                r.id(),
                r.number(),
                r.householdId(),
                r.gridCode(),
                o,
                o.label(),
                r.visitorName(),
                r.startedAt(),
                r.endedAt(),
                r.visitedOn(),
                r.distanceM(),
                r.far(),
                r.short_(),
                r.personsVerified(),
                r.notes(),
                r.incidentId(),
                changeId,
                revisitBy);
    }

    private ChangeRequestView view(ChangeRow r, StaffPrincipal me) {
        Optional<HouseholdCard> card = households.household(r.householdId(), me);
        String person = r.request().personId() == null
                ? null
                : card.flatMap(c -> c.members().stream()
                                .filter(m -> m.personId() == r.request().personId())
                                .map(HouseholdCard.Member::maskedName)
                                .findFirst())
                        .orElse("人员 " + r.request().personId());
        ChangeRequest q = r.request();
        return new ChangeRequestView(
                r.id(),
                q.version(),
                r.visitId(),
                r.visitNumber(),
                r.householdId(),
                card.map(HouseholdCard::address).orElse(null),
                r.gridCode(),
                q.kind(),
                q.kind().label(),
                q.personId(),
                person,
                q.description(),
                q.status(),
                q.status().label(),
                r.visitorName(),
                r.createdAt(),
                r.reason());
    }

    private static void mustBeGridWorker(StaffPrincipal me) {
        if (me == null || !me.hasRole(Role.GRID_WORKER)) {
            throw Problems.forbidden("入户走访由网格员登记");
        }
    }

    private static void mustDecide(StaffPrincipal me) {
        if (me == null || !me.hasAnyRole(Role.CENTRE_DISPATCHER, Role.ADMIN)) {
            throw Problems.forbidden("变更申请由村（社区）综治中心确认");
        }
    }

    private static String scope(StaffPrincipal me) {
        return me.scopePath() == null ? "" : me.scopePath();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
