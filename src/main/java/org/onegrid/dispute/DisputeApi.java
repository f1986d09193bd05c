package org.onegrid.dispute;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.onegrid.casework.CaseEntry;
import org.onegrid.casework.CaseHistory;
import org.onegrid.casework.CaseStep;
import org.onegrid.casework.HistoryChain;
import org.onegrid.casework.Satisfaction;
import org.onegrid.casework.attach.Attachments;
import org.onegrid.casework.notify.Notifications;
import org.onegrid.casework.time.Deadlines;
import org.onegrid.casework.time.Light;
import org.onegrid.casework.time.TimeLimit;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.dispute.domain.Actor;
import org.onegrid.dispute.domain.Agreement;
import org.onegrid.dispute.domain.AgreementDocument;
import org.onegrid.dispute.domain.Body;
import org.onegrid.dispute.domain.BodyKind;
import org.onegrid.dispute.domain.Dispute;
import org.onegrid.dispute.domain.DisputeRefused;
import org.onegrid.dispute.domain.Exit;
import org.onegrid.dispute.domain.Field;
import org.onegrid.dispute.domain.Intake;
import org.onegrid.dispute.domain.Level;
import org.onegrid.dispute.domain.Party;
import org.onegrid.dispute.domain.Performance;
import org.onegrid.dispute.domain.Risk;
import org.onegrid.dispute.domain.Side;
import org.onegrid.dispute.domain.Source;
import org.onegrid.dispute.domain.Status;
import org.onegrid.dispute.persistence.DisputeRows;
import org.onegrid.dispute.persistence.DisputeRows.Stored;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentView;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.registry.OrganisationView;
import org.onegrid.registry.PersonView;
import org.onegrid.registry.Registry;
import org.onegrid.registry.UnmaskedPersonView;
import org.onegrid.registry.domain.CreditCodes;
import org.onegrid.registry.domain.IdNumbers;
import org.onegrid.registry.domain.Violation;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.OrgKind;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.staff.UserView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Disputes 矛盾纠纷多元化解: intake, the path "四诊、四调、三裁、一诉", and the case file. Every action loads the
 * case, lets the {@link Dispute} decide, stores it against the version read, appends its step to the shared
 * hash-chained history (kind {@value #KIND}) and tells whoever must act next — all in one transaction, or nothing.
 * A case outside the caller's region is answered exactly as one that does not exist.
 */
@Service
public class DisputeApi {

    /** The case kind of disputes in the shared history, notifications and attachments. */
    public static final String KIND = "dispute";

    /** The catalog category of disputes. */
    public static final String CATEGORY = "MDJF";

    private final DisputeRows rows;
    private final CaseHistory history;
    private final Notifications notifications;
    private final Attachments attachments;
    private final Deadlines deadlines;
    private final Catalog catalog;
    private final Regions regions;
    private final Grids grids;
    private final Organisations organisations;
    private final Staff staff;
    private final Registry registry;
    private final IncidentApi incidents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DisputeApi(
            DisputeRows rows,
            CaseHistory history,
            Notifications notifications,
            Attachments attachments,
            Deadlines deadlines,
            Catalog catalog,
            Regions regions,
            Grids grids,
            Organisations organisations,
            Staff staff,
            Registry registry,
            IncidentApi incidents,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.history = history;
        this.notifications = notifications;
        this.attachments = attachments;
        this.deadlines = deadlines;
        this.catalog = catalog;
        this.regions = regions;
        this.grids = grids;
        this.organisations = organisations;
        this.staff = staff;
        this.registry = registry;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Intake

    /** 登记: takes a dispute in, owned by the body chosen, and tells that body's desk. */
    @Transactional
    public DisputeView receive(ReceiveDispute c, StaffPrincipal me) {
        Instant now = clock.instant();
        Source source = enumOf(Source.class, c.source(), "source", "请选择纠纷来源");
        IncidentView incident = source == Source.INCIDENT ? handedOver(c.incidentId(), me) : null;
        CatalogItemView item = disputeType(
                incident != null && (c.typeCode() == null || c.typeCode().isBlank())
                        ? incident.itemCode()
                        : c.typeCode());
        Place place = incident != null && blank(c.regionCode()) && blank(c.gridCode())
                ? place(null, incident.gridCode(), me)
                : place(c.regionCode(), c.gridCode(), me);
        String facts = incident != null && blank(c.facts()) ? incident.text() : c.facts();
        Body body = body(c.body(), place.region(), "body");
        List<Party> parties = new ArrayList<>();
        Map<Integer, String> masked = new HashMap<>();
        for (int i = 0; i < c.parties().size(); i++) {
            parties.add(party(c.parties().get(i), i, masked, me));
        }
        Intake in = new Intake(
                UUID.randomUUID(),
                rows.nextNumber(now),
                source,
                c.courtCaseNumber(),
                c.incidentId(),
                item.code(),
                item.name(),
                facts,
                c.amount(),
                c.risk() == null || c.risk().isBlank()
                        ? Risk.LOW
                        : enumOf(Risk.class, c.risk(), "risk", "风险等级只能是低、中、高"),
                c.criminalRisk(),
                c.involved() == null ? 0 : c.involved(),
                place.region().code(),
                place.region().path(),
                place.gridCode(),
                body,
                parties);
        if (source == Source.INCIDENT
                && c.incidentId() != null
                && rows.byIncident(c.incidentId()).isPresent()) {
            throw Problems.conflict("该事件已转为矛盾纠纷案件");
        }
        Dispute d = refusing(() -> Dispute.receive(in, actor(me), now));
        rows.insert(d.state(), masked, now);
        store(d, 0, me, c.attachmentIds(), now);
        if (incident != null) {
            incidents.handOver(
                    incident.id(), "转矛盾纠纷调解，案件编号 " + d.number() + "（" + d.body().name() + "）", me);
        }
        tellDesk(d, "new", "新登记矛盾纠纷 " + d.number() + "（" + item.name() + "），请受理审查", now);
        if (d.major()) {
            tellCountyAndCity(d, now);
        }
        return view(d.id(), me).orElseThrow();
    }

    /** The types a dispute may have: the catalog's 矛盾纠纷 items. */
    public List<CatalogItemView> types() {
        return catalog.items(CATEGORY);
    }

    private CatalogItemView disputeType(String code) {
        if (code == null || code.isBlank()) {
            throw Problems.invalid("typeCode", "请选择纠纷类型");
        }
        return catalog.item(code.strip())
                .filter(i -> CATEGORY.equals(i.categoryCode()))
                .orElseThrow(() -> Problems.invalid("typeCode", "纠纷类型 " + code.strip() + " 不是事项清单中的矛盾纠纷类事项"));
    }

    private record Place(RegionView region, String gridCode) {}

    private Place place(String regionCode, String gridCode, StaffPrincipal me) {
        if (gridCode != null && !gridCode.isBlank()) {
            Location l = grids.location(gridCode.strip())
                    .filter(x -> me.canSee(x.village()))
                    .orElseThrow(() -> Problems.invalid("gridCode", "网格 " + gridCode.strip() + " 不存在或不在您的辖区"));
            return new Place(l.village(), gridCode.strip());
        }
        if (regionCode == null || regionCode.isBlank()) {
            throw Problems.invalid("regionCode", "请选择纠纷发生地（村、社区或乡镇）");
        }
        RegionView r = regions.find(regionCode.strip())
                .filter(me::canSee)
                .orElseThrow(() -> Problems.invalid("regionCode", "行政区划 " + regionCode.strip() + " 不存在或不在您的辖区"));
        return new Place(r, null);
    }

    /** The body a choice names, serving the dispute's place. */
    Body body(ReceiveDispute.BodyChoice choice, RegionView place, String field) {
        if (choice == null || choice.kind() == null || choice.kind().isBlank()) {
            throw Problems.invalid(field, "请选择调解组织");
        }
        BodyKind kind = enumOf(BodyKind.class, choice.kind(), field + ".kind", "调解组织类型无效");
        RegionLevel wanted = switch (kind) {
            case VILLAGE_COMMITTEE -> RegionLevel.VILLAGE;
            case TOWN_COMMITTEE -> RegionLevel.TOWN;
            default -> RegionLevel.COUNTY;
        };
        RegionView region;
        if (choice.regionCode() != null && !choice.regionCode().isBlank()) {
            region = regions.find(choice.regionCode().strip())
                    .filter(r -> place.path().startsWith(r.path()))
                    .orElseThrow(() -> Problems.invalid(field + ".regionCode", "所选调解组织不管辖纠纷发生地"));
            if ((kind == BodyKind.VILLAGE_COMMITTEE || kind == BodyKind.TOWN_COMMITTEE) && region.level() != wanted) {
                throw Problems.invalid(field + ".regionCode", kind.label() + "设在" + wanted.label() + "一级");
            }
            if (kind != BodyKind.VILLAGE_COMMITTEE
                    && kind != BodyKind.TOWN_COMMITTEE
                    && (region.level() == RegionLevel.VILLAGE || region.level() == RegionLevel.TOWN)) {
                throw Problems.invalid(field + ".regionCode", kind.label() + "设在县（区）或市一级");
            }
        } else {
            region = regions.ancestorAt(place.code(), wanted)
                    .orElseThrow(() -> Problems.invalid(field, "纠纷发生地没有" + wanted.label() + "一级的" + kind.label()));
        }
        Level level = level(region.level());
        switch (kind) {
            case VILLAGE_COMMITTEE, TOWN_COMMITTEE -> {
                long org = centre(region, field);
                return new Body(kind, null, org, level, region.code(), region.path(), region.name() + "人民调解委员会", null);
            }
            case CENTRE -> {
                long org = centre(region, field);
                return new Body(
                        kind, null, org, level, region.code(), region.path(), region.name() + "矛盾纠纷调处化解中心", null);
            }
            case PROFESSIONAL_COMMITTEE -> {
                Field f = enumOf(Field.class, choice.field(), field + ".field", "请选择行业性专业性调委会的领域");
                long org = centre(region, field);
                return new Body(
                        kind, f, org, level, region.code(), region.path(), region.name() + f.label() + "人民调解委员会", null);
            }
            case ADMINISTRATIVE -> {
                if (choice.departmentId() == null) {
                    throw Problems.invalid(field + ".departmentId", "行政调解须选择职能部门");
                }
                org.onegrid.staff.OrganisationView dept = organisations
                        .find(choice.departmentId())
                        .filter(o -> o.kind() == OrgKind.DEPARTMENT)
                        .orElseThrow(() -> Problems.invalid(field + ".departmentId", "职能部门不存在"));
                RegionView served = regions.find(dept.regionCode())
                        .filter(r -> place.path().startsWith(r.path()))
                        .orElseThrow(() -> Problems.invalid(field + ".departmentId", dept.name() + "不管辖纠纷发生地"));
                return new Body(
                        kind,
                        null,
                        dept.id(),
                        level(served.level()),
                        served.code(),
                        served.path(),
                        dept.name() + "（行政调解）",
                        null);
            }
            case JUDICIAL -> {
                if (choice.court() == null || choice.court().isBlank()) {
                    throw Problems.invalid(field + ".court", "司法调解须填写人民法院");
                }
                long org = centre(region, field);
                String court = choice.court().strip();
                return new Body(kind, null, org, level, region.code(), region.path(), court + "诉调对接调解室", court);
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private long centre(RegionView region, String field) {
        return organisations
                .centreOf(region.code())
                .map(org.onegrid.staff.OrganisationView::id)
                .orElseThrow(() -> Problems.invalid(field, region.name() + "尚无综治中心"));
    }

    private static Level level(RegionLevel l) {
        return switch (l) {
            case VILLAGE -> Level.VILLAGE;
            case TOWN -> Level.TOWN;
            case COUNTY -> Level.COUNTY;
            case CITY -> Level.CITY;
        };
    }

    /**
     * A party as given: a registry person or organisation in the caller's sight, or one entered new whose identity is
     * checked (ID number with its check digit, credit code with its check character).
     */
    private Party party(ReceiveDispute.PartyInput p, int i, Map<Integer, String> masked, StaffPrincipal me) {
        String field = "parties[" + i + "]";
        if (p == null) {
            throw Problems.invalid(field, "第 " + (i + 1) + " 位当事人为空");
        }
        Side side = enumOf(Side.class, p.side(), field + ".side", "第 " + (i + 1) + " 位当事人须注明是申请人还是被申请人");
        if (p.personId() != null) {
            PersonView person = registry.person(p.personId(), me)
                    .orElseThrow(() -> Problems.invalid(field + ".personId", "人口库中没有编号为 " + p.personId() + " 的人员"));
            masked.put(i, person.maskedName());
            Optional<UnmaskedPersonView> full =
                    me.hasAnyRole(Role.ADMIN, Role.LEADER, Role.CENTRE_DISPATCHER, Role.GRID_WORKER)
                            ? registry.unmasked(person.id(), "矛盾纠纷登记当事人", me)
                            : Optional.empty();
            return new Party(
                    side,
                    false,
                    person.id(),
                    null,
                    full.map(UnmaskedPersonView::name).orElse(person.maskedName()),
                    full.map(UnmaskedPersonView::idNumber).orElse(person.maskedIdNumber()),
                    full.map(UnmaskedPersonView::phone).orElse(null));
        }
        if (p.organisationId() != null) {
            OrganisationView org = registry.organisation(p.organisationId(), me)
                    .orElseThrow(() ->
                            Problems.invalid(field + ".organisationId", "组织库中没有编号为 " + p.organisationId() + " 的单位"));
            masked.put(i, org.name());
            return new Party(side, true, null, org.id(), org.name(), org.creditCode(), null);
        }
        if (p.identity() != null
                && !p.identity().isBlank()
                && p.name() != null
                && !p.name().isBlank()) {
            List<Violation> wrong = p.isOrganisation()
                    ? CreditCodes.check(field + ".identity", CreditCodes.normalised(p.identity()))
                    : IdNumbers.check(field + ".identity", IdNumbers.normalised(p.identity()), null, null);
            if (!wrong.isEmpty()) {
                throw Problems.invalid(
                        field + ".identity",
                        "当事人“" + p.name().strip() + "”的" + (p.isOrganisation() ? "统一社会信用代码" : "居民身份证号") + "有误："
                                + wrong.get(0).message());
            }
        }
        return new Party(
                side,
                p.isOrganisation(),
                null,
                null,
                p.name() == null ? null : p.name().strip(),
                p.identity() == null || p.identity().isBlank()
                        ? null
                        : p.isOrganisation()
                                ? CreditCodes.normalised(p.identity())
                                : IdNumbers.normalised(p.identity()),
                p.phone());
    }

    // ---------------------------------------------------------------------------------------------------------
    // The path

    @Transactional
    public DisputeView accept(UUID id, DisputeCommand.Plain c, StaffPrincipal me) {
        return act(
                id,
                c.version(),
                me,
                List.of(),
                d -> d.accept(catalogLimit(d), deadlines, c.comment(), actor(me), clock.instant()));
    }

    @Transactional
    public DisputeView refuse(UUID id, DisputeCommand.Refuse c, StaffPrincipal me) {
        return act(id, c.version(), me, List.of(), d -> d.refuse(c.reason(), actor(me), clock.instant()));
    }

    /** 指派: one of the owning body's mediators, told at once. */
    @Transactional
    public DisputeView assign(UUID id, DisputeCommand.Assign c, StaffPrincipal me) {
        if (c.mediatorId() == null) {
            throw Problems.invalid("mediatorId", "请选择调解员");
        }
        Optional<UserView> mediator = staff.find(c.mediatorId());
        DisputeView v = act(id, c.version(), me, List.of(), d -> {
            boolean ofBody = mediator.filter(u -> u.enabled()
                            && u.roles().contains(Role.MEDIATOR)
                            && u.orgId() == d.body().orgId())
                    .isPresent();
            d.assign(
                    c.mediatorId(),
                    mediator.map(UserView::displayName).orElse("?"),
                    ofBody,
                    actor(me),
                    clock.instant());
        });
        notifications.notify(
                List.of(Notifications.user(c.mediatorId())),
                KIND,
                id,
                "assigned",
                "您被指派调解矛盾纠纷 " + v.number() + "（" + v.typeName() + "）",
                clock.instant());
        return v;
    }

    @Transactional
    public DisputeView recordSession(UUID id, DisputeCommand.RecordSession c, StaffPrincipal me) {
        return act(
                id,
                c.version(),
                me,
                ids(c.attachmentIds()),
                d -> d.recordSession(
                        c.heldAt(),
                        c.place(),
                        c.attendees(),
                        c.minutes(),
                        strings(c.attachmentIds()),
                        actor(me),
                        clock.instant()));
    }

    @Transactional
    public DisputeView extend(UUID id, DisputeCommand.Extend c, StaffPrincipal me) {
        if (c.days() == null) {
            throw Problems.invalid("days", "请填写延长的天数");
        }
        return act(
                id,
                c.version(),
                me,
                List.of(),
                d -> d.extend(c.days(), c.consent(), deadlines, actor(me), clock.instant()));
    }

    /** 上交: to the next level's body or a professional committee, whose desk is told (and, if major, county and city). */
    @Transactional
    public DisputeView escalate(UUID id, DisputeCommand.Escalate c, StaffPrincipal me) {
        Stored s = visible(id, me);
        RegionView place = regions.find(s.state().regionCode()).orElseThrow();
        Body to = body(c.to(), place, "to");
        DisputeView v = act(
                id,
                c.version(),
                me,
                List.of(),
                d -> d.escalate(to, c.reason(), catalogLimit(d), deadlines, actor(me), clock.instant()));
        Dispute d = load(id);
        tellDesk(d, "escalated", "矛盾纠纷 " + d.number() + " 已上交" + to.name() + "，请指派调解员", clock.instant());
        return v;
    }

    /** 达成协议: writes the agreement document, keeps it unchanged in the history with its SHA-256. */
    @Transactional
    public DisputeView agree(UUID id, DisputeCommand.Agree c, StaffPrincipal me) {
        Agreement a = new Agreement(
                c.facts(),
                c.terms(),
                c.amount(),
                c.performBy(),
                c.remainderExit() == null || c.remainderExit().isBlank()
                        ? null
                        : enumOf(Exit.class, c.remainderExit(), "remainderExit", "未达成部分的去向只能是仲裁、行政裁决、行政复议或诉讼"),
                c.remainder());
        refusing(() -> {
            Dispute.checkAgreement(a);
            return null;
        });
        Stored s = visible(id, me);
        String document = AgreementDocument.render(
                s.state().number(),
                s.state().body(),
                s.state().typeName(),
                s.parties().stream()
                        .map(p -> new AgreementDocument.Named(
                                p.party().side(),
                                p.party().name(),
                                p.maskedIdentity(),
                                p.party().organisation()))
                        .toList(),
                a,
                me.displayName(),
                today());
        DisputeView v = act(id, c.version(), me, List.of(), d -> d.agree(a, document, actor(me), clock.instant()));
        concluded(load(id));
        return v;
    }

    @Transactional
    public DisputeView fail(UUID id, DisputeCommand.Fail c, StaffPrincipal me) {
        Exit exit = c.exit() == null || c.exit().isBlank()
                ? null
                : enumOf(Exit.class, c.exit(), "exit", "去向只能是仲裁、行政裁决、行政复议或诉讼");
        DisputeView v = act(id, c.version(), me, List.of(), d -> d.fail(exit, c.note(), actor(me), clock.instant()));
        concluded(load(id));
        return v;
    }

    @Transactional
    public DisputeView confirm(UUID id, DisputeCommand.Confirm c, StaffPrincipal me) {
        return act(
                id,
                c.version(),
                me,
                List.of(),
                d -> d.confirm(c.rulingNumber(), c.court(), actor(me), clock.instant()));
    }

    @Transactional
    public DisputeView recordPerformance(UUID id, DisputeCommand.Perform c, StaffPrincipal me) {
        Performance how = c.performance() == null || c.performance().isBlank()
                ? null
                : enumOf(Performance.class, c.performance(), "performance", "履行情况只能是全部履行、部分履行或未履行");
        return act(
                id,
                c.version(),
                me,
                ids(c.attachmentIds()),
                d -> d.recordPerformance(
                        how, c.note(), strings(c.attachmentIds()), actor(me), clock.instant(), today()));
    }

    @Transactional
    public DisputeView followUp(UUID id, DisputeCommand.FollowUp c, StaffPrincipal me) {
        Satisfaction told = c.satisfaction() == null || c.satisfaction().isBlank()
                ? null
                : enumOf(Satisfaction.class, c.satisfaction(), "satisfaction", "满意度只能是满意、基本满意或不满意");
        return act(id, c.version(), me, List.of(), d -> d.followUp(told, c.note(), actor(me), clock.instant()));
    }

    @Transactional
    public DisputeView archive(UUID id, DisputeCommand.Plain c, StaffPrincipal me) {
        return act(id, c.version(), me, List.of(), d -> d.archive(c.comment(), actor(me), clock.instant()));
    }

    @Transactional
    public DisputeView addEvidence(UUID id, DisputeCommand.Evidence c, StaffPrincipal me) {
        return act(
                id,
                c.version(),
                me,
                ids(c.attachmentIds()),
                d -> d.addEvidence(c.comment(), strings(c.attachmentIds()), actor(me), clock.instant()));
    }

    /**
     * Marks an open case whose time limit passed as overdue, once, and tells its mediator and desk; for the overdue
     * scan. False when there was nothing to mark.
     */
    @Transactional
    public boolean markOverdue(UUID id) {
        Optional<Stored> s = rows.lock(id);
        if (s.isEmpty()) {
            return false;
        }
        Dispute d = Dispute.restore(s.get().state());
        long before = d.version();
        Instant now = clock.instant();
        if (!d.markOverdue(now, new Actor(0, "系统", Set.of(), 0))) {
            return false;
        }
        save(d, before, List.of(), now);
        List<Notifications.Recipient> to = new ArrayList<>(deskOf(d));
        if (d.mediatorId() != null) {
            to.add(Notifications.user(d.mediatorId()));
        }
        notifications.notify(to, KIND, id, "overdue", "矛盾纠纷 " + d.number() + " 已超过调解期限", now);
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------

    private DisputeView act(UUID id, Long version, StaffPrincipal me, List<UUID> attach, Consumer<Dispute> action) {
        Stored s = visible(id, me);
        Dispute d = Dispute.restore(s.state());
        if (version != null && version != d.version()) {
            throw Problems.conflict("纠纷已被他人更新（当前版本 " + d.version() + "），请刷新后重试");
        }
        long before = d.version();
        refusing(() -> {
            action.accept(d);
            return null;
        });
        store(d, before, me, attach, clock.instant());
        return view(id, me).orElseThrow();
    }

    private void store(Dispute d, long before, StaffPrincipal me, List<UUID> attach, Instant now) {
        if (!attach.isEmpty()) {
            attachments.attach(attach, KIND, d.id(), me.userId());
        }
        save(d, before, attach, now);
    }

    private void save(Dispute d, long before, List<UUID> attach, Instant now) {
        if (!rows.update(d.state(), before, d.major(), d.newSessions(), now)) {
            throw Problems.conflict("纠纷已被他人更新，请刷新后重试");
        }
        for (CaseStep step : d.pendingSteps()) {
            history.append(KIND, d.id(), step);
        }
        d.stored();
    }

    /** The incident to hand over: in the caller's sight, of the 矛盾纠纷 category, and still open. */
    private IncidentView handedOver(UUID incidentId, StaffPrincipal me) {
        if (incidentId == null) {
            throw Problems.invalid("incidentId", "事件转入须指明事件");
        }
        IncidentView v = incidents
                .find(incidentId, me)
                .orElseThrow(() -> Problems.invalid("incidentId", "事件 " + incidentId + " 不存在或不在您的辖区"));
        if (!CATEGORY.equals(v.categoryCode())) {
            throw Problems.invalid("incidentId", "事件 " + v.number() + " 不是矛盾纠纷类事件，不能转为调解案件");
        }
        if (!"REPORTED".equals(v.status()) && !"ACCEPTED".equals(v.status())) {
            throw Problems.conflict("事件 " + v.number() + " 当前为“" + v.statusLabel() + "”，不能转为调解案件");
        }
        return v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Tells what the case came to; an incident handed over closes with the outcome, at the case's level. */
    private void concluded(Dispute d) {
        if (d.incidentId() != null) {
            String outcome = d.status() == Status.AGREED
                    ? "矛盾纠纷 " + d.number() + " 经" + d.body().name() + "调解达成协议"
                            + (d.agreement().partial()
                                    ? "（部分），其余引导"
                                            + d.agreement()
                                                    .remainderReferredTo()
                                                    .label()
                                    : "")
                    : "矛盾纠纷 " + d.number() + " 调解不成，已引导当事人申请" + d.exit().label();
            incidents.concludeHandedOver(
                    d.incidentId(), outcome, d.concludedLevel().name());
        }
        events.publishEvent(new DisputeConcluded(
                d.id(),
                d.number(),
                d.status() == Status.AGREED,
                d.concludedLevel() == null ? null : d.concludedLevel().name(),
                d.state().typeCode(),
                d.incidentId()));
    }

    private Dispute load(UUID id) {
        return Dispute.restore(rows.find(id).orElseThrow().state());
    }

    /** The case if it lies in the caller's region; 404 otherwise, as if it did not exist. */
    private Stored visible(UUID id, StaffPrincipal me) {
        if (me == null || me.roles().equals(Set.of(Role.RESIDENT))) {
            throw Problems.notFound("dispute", String.valueOf(id));
        }
        return rows.find(id)
                .filter(s -> me.canSeePath(s.state().regionPath())
                        || me.orgId() == s.state().body().orgId())
                .orElseThrow(() -> Problems.notFound("dispute", String.valueOf(id)));
    }

    private TimeLimit catalogLimit(Dispute d) {
        return catalog.item(d.state().typeCode())
                .map(i -> new TimeLimit(i.handle().limit(), i.handle().mode()))
                .orElse(Dispute.PEOPLES_LIMIT);
    }

    private void tellDesk(Dispute d, String kind, String text, Instant now) {
        notifications.notify(deskOf(d), KIND, d.id(), kind, text, now);
    }

    private List<Notifications.Recipient> deskOf(Dispute d) {
        Role desk = d.body().kind() == BodyKind.ADMINISTRATIVE ? Role.DEPARTMENT_HANDLER : Role.CENTRE_DISPATCHER;
        return List.of(
                Notifications.org(d.body().orgId(), desk),
                Notifications.org(d.body().orgId(), Role.MEDIATOR));
    }

    /** 重大矛盾纠纷: the county's and the city's centres (desk and leaders) are told at once. */
    private void tellCountyAndCity(Dispute d, Instant now) {
        Set<Notifications.Recipient> to = new LinkedHashSet<>();
        for (RegionLevel level : List.of(RegionLevel.COUNTY, RegionLevel.CITY)) {
            regions.ancestorAt(d.state().regionCode(), level)
                    .flatMap(r -> organisations.centreOf(r.code()))
                    .ifPresent(o -> {
                        to.add(Notifications.org(o.id(), Role.CENTRE_DISPATCHER));
                        to.add(Notifications.org(o.id(), Role.LEADER));
                    });
        }
        notifications.notify(
                List.copyOf(to),
                KIND,
                d.id(),
                "major",
                "重大矛盾纠纷 " + d.number() + "：" + d.state().typeName() + "，"
                        + d.risk().label() + "，涉及 " + d.state().involved() + " 人（户），由"
                        + d.body().name() + "调处",
                now);
    }

    private static <T> T refusing(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (DisputeRefused r) {
            throw problem(r);
        }
    }

    static ErrorResponseException problem(DisputeRefused r) {
        return switch (r.kind()) {
            case INVALID -> Problems.invalid(r.field() == null ? "" : r.field(), r.getMessage());
            case FORBIDDEN -> Problems.forbidden(r.getMessage());
            case CONFLICT -> Problems.of(HttpStatus.CONFLICT, "conflict", r.getMessage());
        };
    }

    private static Actor actor(StaffPrincipal me) {
        return new Actor(me.userId(), me.displayName(), me.roles(), me.orgId());
    }

    private static List<UUID> ids(List<UUID> ids) {
        return ids == null ? List.of() : ids;
    }

    private static List<String> strings(List<UUID> ids) {
        return ids(ids).stream().map(UUID::toString).toList();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw Problems.invalid(field, message);
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, message + "（" + value.strip() + "）");
        }
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CityTime.ZONE));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading

    /** The case, if the caller sees it. */
    @Transactional(readOnly = true)
    public Optional<DisputeView> view(UUID id, StaffPrincipal me) {
        Stored s;
        try {
            s = visible(id, me);
        } catch (ErrorResponseException notFound) {
            return Optional.empty();
        }
        return Optional.of(view(s));
    }

    /** The case's history, oldest first, with whether its hash chain holds. */
    public record HistoryView(List<CaseEntry> entries, boolean holds, Long firstBroken) {}

    @Transactional(readOnly = true)
    public Optional<HistoryView> history(UUID id, StaffPrincipal me) {
        if (view(id, me).isEmpty()) {
            return Optional.empty();
        }
        HistoryChain.Verification v = history.verify(KIND, id);
        return Optional.of(new HistoryView(history.of(KIND, id), v.holds(), v.firstBroken()));
    }

    /** The agreement document as it was stored in the history; empty without an agreement or out of sight. */
    @Transactional(readOnly = true)
    public Optional<String> agreementDocument(UUID id, StaffPrincipal me) {
        Optional<DisputeView> v = view(id, me);
        if (v.isEmpty() || v.get().agreement() == null) {
            return Optional.empty();
        }
        return history.of(KIND, id).stream()
                .filter(e -> "AGREE".equals(e.action()))
                .map(CaseEntry::detail)
                .reduce((a, b) -> b);
    }

    private DisputeView view(Stored s) {
        Dispute.State d = s.state();
        Instant now = clock.instant();
        Light light =
                d.window() == null || !d.status().open() ? null : d.window().light(now);
        Agreement a = d.agreement();
        return new DisputeView(
                d.id(),
                d.number(),
                d.version(),
                d.status().name(),
                d.status().label(),
                d.source().name(),
                d.source().label(),
                d.courtCaseNumber(),
                d.incidentId(),
                d.typeCode(),
                d.typeName(),
                d.facts(),
                d.amount(),
                d.risk().name(),
                d.risk().label(),
                d.criminalRisk(),
                d.involved(),
                Dispute.restore(d).major(),
                d.regionCode(),
                regions.find(d.regionCode()).map(RegionView::name).orElse(d.regionCode()),
                d.gridCode(),
                bodyView(d.body()),
                d.mediatorId(),
                d.mediatorName(),
                light == null ? null : light.name(),
                light == null ? null : light.label(),
                d.window() == null ? null : d.window().deadline(),
                d.extensions(),
                d.escalations(),
                s.parties().stream()
                        .map(p -> new DisputeView.PartyView(
                                p.party().side().name(),
                                p.party().side().label(),
                                p.party().organisation(),
                                p.party().personId(),
                                p.party().organisationId(),
                                p.maskedName(),
                                p.maskedIdentity()))
                        .toList(),
                d.sessions().stream()
                        .map(x -> new DisputeView.SessionView(
                                x.number(), x.heldAt(), x.place(), x.attendees(), x.minutes(), x.mediatorName()))
                        .toList(),
                a == null
                        ? null
                        : new DisputeView.AgreementView(
                                a.facts(),
                                a.terms(),
                                a.amount(),
                                a.performBy(),
                                a.partial(),
                                a.remainderReferredTo() == null
                                        ? null
                                        : a.remainderReferredTo().name(),
                                a.remainderReferredTo() == null
                                        ? null
                                        : a.remainderReferredTo().label(),
                                a.remainder(),
                                d.agreementSha256()),
                d.exit() == null ? null : d.exit().name(),
                d.exit() == null ? null : d.exit().label(),
                d.exitNote(),
                d.rulingNumber(),
                d.court(),
                d.performance() == null ? null : d.performance().name(),
                d.performance() == null ? null : d.performance().label(),
                d.satisfaction() == null ? null : d.satisfaction().name(),
                d.satisfaction() == null ? null : d.satisfaction().label(),
                d.concludedLevel() == null ? null : d.concludedLevel().name(),
                d.concludedLevel() == null ? null : d.concludedLevel().label(),
                d.receivedAt(),
                d.acceptedAt(),
                d.concludedAt(),
                attachments.of(KIND, d.id()).stream()
                        .map(org.onegrid.casework.attach.Attachment::id)
                        .toList());
    }

    static DisputeView.BodyView bodyView(Body b) {
        return new DisputeView.BodyView(
                b.kind().name(),
                b.kind().label(),
                b.field() == null ? null : b.field().name(),
                b.field() == null ? null : b.field().label(),
                b.orgId(),
                b.level().name(),
                b.level().label(),
                b.name(),
                b.court());
    }
}
