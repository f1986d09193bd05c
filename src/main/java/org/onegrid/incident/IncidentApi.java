package org.onegrid.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.onegrid.casework.HistoryChain;
import org.onegrid.casework.Satisfaction;
import org.onegrid.casework.attach.Attachment;
import org.onegrid.casework.attach.Attachments;
import org.onegrid.casework.time.Deadlines;
import org.onegrid.casework.time.Light;
import org.onegrid.casework.time.TimeLimit;
import org.onegrid.incident.domain.Act;
import org.onegrid.incident.domain.ActionRefused;
import org.onegrid.incident.domain.Actor;
import org.onegrid.incident.domain.Centre;
import org.onegrid.incident.domain.Channel;
import org.onegrid.incident.domain.Decision;
import org.onegrid.incident.domain.Department;
import org.onegrid.incident.domain.Dispatch;
import org.onegrid.incident.domain.Handling;
import org.onegrid.incident.domain.HistoryEntry;
import org.onegrid.incident.domain.Incident;
import org.onegrid.incident.domain.IncidentId;
import org.onegrid.incident.domain.IncidentSnapshot;
import org.onegrid.incident.domain.Intake;
import org.onegrid.incident.domain.Place;
import org.onegrid.incident.domain.Reporter;
import org.onegrid.incident.domain.Role;
import org.onegrid.incident.domain.Status;
import org.onegrid.incident.notification.IncidentCaseKind;
import org.onegrid.incident.persistence.IdempotencyRows;
import org.onegrid.incident.persistence.IncidentRows;
import org.onegrid.incident.persistence.IncidentSearch;
import org.onegrid.incident.persistence.IncidentStore;
import org.onegrid.incident.persistence.PhoneCipher;
import org.onegrid.incident.persistence.TrackingCodes;
import org.onegrid.incident.routing.CatalogItem;
import org.onegrid.incident.routing.ItemTerms;
import org.onegrid.incident.routing.Routing;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.web.Problems;
import org.onegrid.shared.web.TextRules;
import org.onegrid.shared.web.TextRules.Kind;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.suggest.LabelIncident;
import org.onegrid.suggest.Suggestions;
import org.onegrid.worktime.CalendarYearNotCovered;
import org.onegrid.worktime.TimeMode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * The incident loop 闭环 as a service: intake, every action of DESIGN §3, and the queries, each for a signed-in user
 * and within their data scope.
 *
 * <p>Each action is one transaction: load the incident, let the aggregate decide, save the row with {@code ... WHERE
 * version = ?}, append the history, publish the events. A refused action changes nothing and is answered as a problem:
 * 403 (role, organisation or region), 409 (the status or state does not allow it, or someone acted first), 422 (what
 * was given is not acceptable: a missing reason, an unknown department, a location outside the city), 400 (the request
 * itself is malformed: a missing field, an unknown enum value, coordinates out of range).
 */
@Service
public class IncidentApi {

    /** The largest photo accepted: 10 MB. */
    public static final int MAX_PHOTO_BYTES = Attachments.MAX_BYTES;

    /** The longest time limit of a supervision order and the longest extension, in hours: 30 days. */
    public static final int MAX_HOURS = 720;

    private static final ZoneId LOCAL = CityTime.ZONE;

    private final IncidentStore store;
    private final IncidentRows rows;
    private final IncidentSearch search;
    private final Attachments photos;
    private final IdempotencyRows idempotency;
    private final TrackingCodes trackingCodes;
    private final PhoneCipher phones;
    private final Routing routing;
    private final ItemTerms items;
    private final Grids grids;
    private final Regions regions;
    private final Staff staff;
    private final Actors actors;
    private final Deadlines deadlines;
    private final Suggestions suggestions;
    private final Clock clock;

    IncidentApi(
            IncidentStore store,
            IncidentRows rows,
            IncidentSearch search,
            Attachments photos,
            IdempotencyRows idempotency,
            TrackingCodes trackingCodes,
            PhoneCipher phones,
            Routing routing,
            ItemTerms items,
            Grids grids,
            Regions regions,
            Staff staff,
            Actors actors,
            Deadlines deadlines,
            Suggestions suggestions,
            Clock clock) {
        this.store = store;
        this.rows = rows;
        this.search = search;
        this.photos = photos;
        this.idempotency = idempotency;
        this.trackingCodes = trackingCodes;
        this.phones = phones;
        this.routing = routing;
        this.items = items;
        this.grids = grids;
        this.regions = regions;
        this.staff = staff;
        this.actors = actors;
        this.deadlines = deadlines;
        this.suggestions = suggestions;
        this.clock = clock;
    }

    /**
     * The same API acting at the times {@code clock} tells, for replaying a past (the demo city's year). Its calls are
     * not transactional by themselves: the caller runs them in a transaction of its own.
     */
    IncidentApi withClock(Clock clock) {
        return new IncidentApi(
                store,
                rows,
                search,
                photos,
                idempotency,
                trackingCodes,
                phones,
                routing,
                items,
                grids,
                regions,
                staff,
                actors,
                deadlines,
                suggestions,
                clock);
    }

    /** The outcome of an intake: the incident, and whether this request created it or repeated an earlier one. */
    public record Reported(IncidentView incident, boolean created) {}

    // ---------------------------------------------------------------------------------------------------------
    // Intake

    /**
     * 事件登记. With an {@code idempotencyKey}, the same key from the same caller gives the same incident, never two;
     * the same key with a different report is refused (422).
     */
    @Transactional
    public Reported report(ReportIncident command, String idempotencyKey, StaffPrincipal me) {
        Instant now = clock.instant();
        checkTexts(command);
        TextRules.check("Idempotency-Key", idempotencyKey, Kind.LINE);
        requireItemOrText(command);
        Channel channel = channel(command.channel(), me);
        Place place = place(command);
        IncidentId id = IncidentId.random();
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
                throw Problems.invalid("Idempotency-Key", "Idempotency-Key must have 1 to 200 characters");
            }
            String fingerprint = fingerprint(command, channel);
            Optional<IdempotencyRows.Claim> earlier =
                    idempotency.claim(me.userId(), idempotencyKey, fingerprint, id.value(), now);
            if (earlier.isPresent()) {
                if (!earlier.get().request().equals(fingerprint)) {
                    throw Problems.of(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "idempotency-key-reused",
                            "Idempotency-Key " + idempotencyKey + " was already used for a different report",
                            Map.of("field", "Idempotency-Key"));
                }
                return new Reported(view(loaded(new IncidentId(earlier.get().incidentId())), me), false);
            }
        }
        boolean suggested = isBlank(command.itemCode());
        CatalogItem item = suggested ? suggestedItem(command.text()) : openItem(command.itemCode());
        Location location = locate(command, place);
        Centre owner = owner(location, item);
        Actor actor = actors.of(me, reportingRoles(channel));
        String reporterName = blankToNull(command.reporterName());
        Reporter reporter = actor.role() == Role.RESIDENT && !actor.isAnonymousResident()
                ? new Reporter(me.userId(), reporterName == null ? me.displayName() : reporterName)
                : Reporter.withoutAccount(reporterName == null ? me.displayName() : reporterName);
        Intake intake = new Intake(
                channel,
                command.text() == null ? "" : command.text().strip(),
                place,
                location.grid().code(),
                location.village().path(),
                reporter);
        Act act = new Act(actor, now, "", ids(command.photoIds()));
        Incident incident;
        try {
            incident = Incident.report(id, intake, item.terms(), owner, act, deadlines, suggested);
        } catch (ActionRefused refused) {
            throw problem(refused.rejection(), "REPORT");
        } catch (CalendarYearNotCovered e) {
            throw beyondCalendar(e, null);
        }
        checkPhotos(command.photoIds(), me, null);
        IncidentRows.Placement placement = store.add(incident, placement(location, item, command.reporterPhone()), now);
        photos.attach(command.photoIds(), IncidentCaseKind.KIND, id.value(), me.userId());
        if (channel == Channel.GRID_WORKER && (reporterName != null || blankToNull(command.reporterPhone()) != null)) {
            // 代报: the resident the grid worker reported for follows and rates it by a tracking code, as if they
            // had reported it themselves on the public page
            trackingCodes.assign(id.value());
        }
        return new Reported(view(new IncidentStore.Loaded(incident, placement, false), me), true);
    }

    /** A report names its item, or says what is wrong so that the item can be suggested from the text (智能分拨). */
    private static void requireItemOrText(ReportIncident command) {
        if (isBlank(command.itemCode()) && isBlank(command.text())) {
            throw Problems.invalid(
                    "itemCode",
                    "itemCode is required unless a text says what is wrong: the catalog item (事项) reported");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * The item 智能分拨 suggests first for a report that names none; the incident is then marked 类型待确认 for its
     * owning centre.
     */
    private CatalogItem suggestedItem(String text) {
        return suggestions
                .best(text)
                .flatMap(s -> items.find(s.itemCode()))
                .filter(CatalogItem::active)
                .orElseThrow(() -> Problems.of(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "no-suggestion",
                        "No catalog item (事项) open for reports could be suggested for this text; name the item",
                        Map.of("field", "itemCode")));
    }

    /** The catalog item reported, which must exist and be open for reports. */
    private CatalogItem openItem(String code) {
        return items.find(code.strip())
                .filter(CatalogItem::active)
                .orElseThrow(() -> Problems.of(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "unknown-item",
                        "There is no catalog item (事项) " + code + " open for reports",
                        Map.of("field", "itemCode")));
    }

    /** The centre that owns a report of {@code item} at {@code location}: the grid's centre at the item's level. */
    private Centre owner(Location location, CatalogItem item) {
        return routing.owner(location, item.terms().normalLevel())
                .orElseThrow(() -> Problems.of(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "no-centre",
                        "No centre (综治中心) serves grid " + location.grid().code() + " at level "
                                + item.terms().normalLevel(),
                        Map.of()));
    }

    /** Where a new incident lies and what it is, as its row keeps it, with the reporter's phone encrypted. */
    private IncidentRows.Placement placement(Location location, CatalogItem item, String reporterPhone) {
        return new IncidentRows.Placement(
                location.village().code(),
                location.town() == null ? null : location.town().code(),
                location.county() == null ? null : location.county().code(),
                item.categoryCode(),
                phones.encrypt(blankToNull(reporterPhone)),
                null);
    }

    // ---------------------------------------------------------------------------------------------------------
    // For the integrations (12345 hotline bridge, cascade to the upper-level platform)

    /** The 12345 hotline bridge as the actor of its intakes: the system, named so in the history. */
    private static final Actor HOTLINE_BRIDGE = new Actor(0, "12345热线", Role.SYSTEM, 0, null, "/", java.util.Set.of());

    /**
     * 事件登记 of a 12345 work order (工单) by the hotline bridge, acting as the system with no signed-in user: channel
     * {@code HOTLINE}, the caller as the reporter without an account (the name kept, the phone encrypted), routed to
     * the grid's centre like any report. The location needs coordinates in the city or a grid code. Not idempotent
     * by itself: the bridge keeps the hotline's order id and calls this once per order.
     */
    @Transactional
    public Reported reportForHotline(ReportIncident command) {
        Instant now = clock.instant();
        checkTexts(command);
        requireItemOrText(command);
        if (!command.photoIds().isEmpty()) {
            throw Problems.invalid("photoIds", "a hotline order carries no photos");
        }
        Place place = place(command);
        boolean suggested = isBlank(command.itemCode());
        CatalogItem item = suggested ? suggestedItem(command.text()) : openItem(command.itemCode());
        Location location = locate(command, place);
        Centre owner = owner(location, item);
        String caller = blankToNull(command.reporterName());
        Intake intake = new Intake(
                Channel.HOTLINE,
                command.text() == null ? "" : command.text().strip(),
                place,
                location.grid().code(),
                location.village().path(),
                Reporter.withoutAccount(caller == null ? "12345来电人" : caller));
        IncidentId id = IncidentId.random();
        Incident incident;
        try {
            incident = Incident.report(
                    id, intake, item.terms(), owner, new Act(HOTLINE_BRIDGE, now, "", List.of()), deadlines, suggested);
        } catch (ActionRefused refused) {
            throw problem(refused.rejection(), "REPORT");
        } catch (CalendarYearNotCovered e) {
            throw beyondCalendar(e, null);
        }
        IncidentRows.Placement placement = store.add(incident, placement(location, item, command.reporterPhone()), now);
        return new Reported(view(new IncidentStore.Loaded(incident, placement, false), ANONYMOUS), true);
    }

    /**
     * One entry of an incident's history, for an integration that tells another system what was done (the reason of a
     * rejection, the result of a handling). Not scoped to a user: the caller is the platform itself. Asked while the
     * action that recorded the entry is saving, it is answered from what was saved.
     */
    @Transactional(readOnly = true)
    public Optional<HistoryView.Entry> historyEntry(UUID incidentId, long sequence) {
        IncidentId id = new IncidentId(incidentId);
        List<HistoryEntry> history = store.saved(id)
                .map(IncidentStore.Saved::history)
                .or(() -> rows.find(id)
                        .map(stored -> rows.history(id, stored.snapshot().version())))
                .orElse(List.of());
        return history.stream()
                .filter(e -> e.sequence() == sequence)
                .findFirst()
                .map(IncidentApi::entry);
    }

    /** The outcome of a resident's report without an account: the incident and the code to follow it by (查询码). */
    public record Tracked(IncidentView incident, String trackingCode, boolean created) {}

    /**
     * 群众上报 without an account (H5 page): a {@code CITIZEN} report by an anonymous resident, who gets a tracking
     * code (查询码) to follow and rate it. The {@code idempotencyKey} (required: the public page has no other way to
     * tell a double tap from a second report) gives the same incident and code when sent again.
     */
    @Transactional
    public Tracked reportAnonymously(ReportIncident command, String idempotencyKey) {
        if (idempotencyKey == null) {
            throw Problems.invalid("Idempotency-Key", "Idempotency-Key is required for a report without an account");
        }
        return reportAsCitizen(command, "anonymous:" + idempotencyKey, command.photoIds());
    }

    /**
     * The tracking code of the report an earlier {@link #reportAnonymously} with this {@code idempotencyKey} made, if
     * any: a second tap of the public form leads to the first report before any photo of it is stored again.
     */
    @Transactional(readOnly = true)
    public Optional<String> reportedAnonymouslyWith(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 180) {
            return Optional.empty();
        }
        return idempotency
                .find(ANONYMOUS.userId(), "anonymous:" + idempotencyKey)
                .flatMap(claim -> trackingCodes.of(claim.incidentId()));
    }

    /**
     * Stores a photo a resident without an account sends with a report ({@link #reportAnonymously}), checked as
     * {@link #upload} checks every photo.
     */
    @Transactional
    public IncidentView.PhotoView uploadAnonymously(byte[] data) {
        return upload(data, ANONYMOUS);
    }

    /** A {@code CITIZEN} report by the anonymous resident with these photos (uploaded anonymously), and its code. */
    private Tracked reportAsCitizen(ReportIncident command, String idempotencyKey, List<UUID> photoIds) {
        ReportIncident citizen = new ReportIncident(
                command.itemCode(),
                command.text(),
                Channel.CITIZEN.name(),
                command.longitude(),
                command.latitude(),
                command.address(),
                command.gridCode(),
                command.reporterName(),
                command.reporterPhone(),
                photoIds == null ? List.of() : photoIds);
        Reported reported = report(citizen, idempotencyKey, ANONYMOUS);
        return new Tracked(
                reported.incident(), trackingCodes.assign(reported.incident().id()), reported.created());
    }

    /**
     * The public view of the incident with this tracking code: its status changes with their times and, once closed,
     * the result; nothing of who handled it or who else is involved. Empty for an unknown code.
     */
    @Transactional(readOnly = true)
    public Optional<PublicIncidentView> track(String trackingCode) {
        String code = TrackingCodes.normalise(trackingCode);
        return trackingCodes
                .find(code)
                .flatMap(id -> store.load(new IncidentId(id)))
                .map(l -> publicView(code, l));
    }

    /**
     * A photo the resident sent with the report whose tracking code this is; nothing of the photos staff added later.
     * Empty for an unknown code or a photo not sent with that report.
     */
    @Transactional(readOnly = true)
    public Optional<Photo> trackedPhoto(String trackingCode, UUID photoId) {
        return trackingCodes.find(TrackingCodes.normalise(trackingCode)).flatMap(id -> reportersPhoto(id, photoId));
    }

    /**
     * What a resident with an account sees of one of their own reports: the same public view as by a tracking code
     * (with the code if the report has one). Empty for anything that is not their own report.
     */
    @Transactional(readOnly = true)
    public Optional<PublicIncidentView> trackOwn(UUID id, StaffPrincipal me) {
        if (!onlyResident(me)) {
            return Optional.empty();
        }
        return store.load(new IncidentId(id))
                .filter(l -> canSee(me, l.incident().snapshot()))
                .map(l -> publicView(trackingCodes.of(id).orElse(null), l));
    }

    /** A photo a resident with an account sent with one of their own reports. */
    @Transactional(readOnly = true)
    public Optional<Photo> ownPhoto(UUID id, UUID photoId, StaffPrincipal me) {
        return trackOwn(id, me).flatMap(view -> reportersPhoto(id, photoId));
    }

    private Optional<Photo> reportersPhoto(UUID incidentId, UUID photoId) {
        return store.load(new IncidentId(incidentId))
                .filter(l -> reportersPhotoIds(l.incident()).contains(photoId.toString()))
                .flatMap(l -> photos.data(photoId))
                .filter(p -> p.attachment().belongsTo(IncidentCaseKind.KIND, incidentId))
                .map(p -> new Photo(p.attachment().contentType(), p.data()));
    }

    private static PublicIncidentView publicView(String code, IncidentStore.Loaded loaded) {
        Incident incident = loaded.incident();
        IncidentSnapshot s = incident.snapshot();
        List<PublicIncidentView.Step> steps = incident.history().stream()
                .filter(e -> e.fromStatus() == null
                        || e.fromStatus() != e.toStatus()
                        || e.action() == org.onegrid.incident.domain.Action.EVALUATE)
                .map(e -> new PublicIncidentView.Step(
                        e.at(),
                        e.action().label(),
                        e.toStatus().name(),
                        e.toStatus().label()))
                .toList();
        boolean closed = s.status() == Status.CLOSED;
        List<UUID> reportersPhotos =
                reportersPhotoIds(incident).stream().map(UUID::fromString).toList();
        return new PublicIncidentView(
                code,
                loaded.placement().number(),
                s.terms().itemName(),
                s.status().name(),
                s.status().label(),
                s.reportedAt(),
                closed ? s.closedAt() : null,
                closed ? s.result() : null,
                s.satisfaction() == null ? null : s.satisfaction().name(),
                closed && s.satisfaction() == null,
                steps,
                reportersPhotos);
    }

    /** The photos the resident sent with their own report; none of a report staff made (代报 included). */
    private static List<String> reportersPhotoIds(Incident incident) {
        HistoryEntry first = incident.history().get(0);
        return first.role() == Role.RESIDENT ? first.attachmentIds() : List.of();
    }

    /**
     * The tracking code (查询码) of an incident this user may see, if it has one: the resident's own report from the
     * public page, or one a grid worker made on a resident's behalf (代报), to tell the resident.
     */
    @Transactional(readOnly = true)
    public Optional<String> trackingCode(UUID id, StaffPrincipal me) {
        return find(id, me).flatMap(incident -> trackingCodes.of(incident.id()));
    }

    /**
     * 评价 by a resident who reported without an account, proving it by the tracking code; once per closing. Answers
     * the public view of the incident as evaluated.
     */
    @Transactional
    public PublicIncidentView evaluateByCode(String trackingCode, String satisfaction) {
        String code = TrackingCodes.normalise(trackingCode);
        UUID id = trackingCodes
                .find(code)
                .orElseThrow(() -> Problems.notFound("tracking code", String.valueOf(trackingCode)));
        IncidentStore.Loaded evaluated =
                evaluated(id, new IncidentCommand.Evaluate(satisfaction, "", List.of()), ANONYMOUS);
        return publicView(code, evaluated);
    }

    /**
     * 群众上报 relayed by another system for a resident without an account (an Open311 GeoReport v2 client): a {@code
     * CITIZEN} report by the anonymous resident, exactly as {@link #reportAnonymously} makes it, with a tracking code.
     * {@code source} names the system (e.g. {@code open311:3}) so that its idempotency keys are its own: the same key
     * from the same source gives the same incident and code, the same key with a different report is refused (422).
     */
    @Transactional
    public Tracked reportRelayed(ReportIncident command, String source, String idempotencyKey) {
        if (source == null || source.isBlank() || idempotencyKey == null || idempotencyKey.isBlank()) {
            throw Problems.invalid("Idempotency-Key", "A relayed report needs its source and an idempotency key");
        }
        return reportAsCitizen(command, "relayed:" + source + ":" + idempotencyKey, List.of());
    }

    /**
     * 补充说明 of a resident's report without an account, relayed by the system the resident reported through (an
     * Open311 client, which has checked that the report is one it posted): the text lands on the incident's history and
     * the owning centre is told. Answers the new history entry's number.
     */
    @Transactional
    public long supplementRelayed(UUID id, String text) {
        IncidentStore.Loaded loaded = performed(
                id,
                new IncidentCommand.Plain(text == null ? "" : text.strip(), List.of()),
                ANONYMOUS,
                "SUPPLEMENT",
                (incident, act) -> incident.supplement(act),
                Role.RESIDENT);
        List<HistoryEntry> history = loaded.incident().history();
        return history.get(history.size() - 1).sequence();
    }

    /** Who a resident without an account acts as: user 0, which no account has, in the role of a resident. */
    private static final StaffPrincipal ANONYMOUS = new StaffPrincipal(
            0, "anonymous", "群众", 0, null, null, "", "", java.util.Set.of(org.onegrid.staff.Role.RESIDENT));

    /** The incident an earlier intake of the caller with this {@code Idempotency-Key} created, if any. */
    @Transactional(readOnly = true)
    public Optional<UUID> reportedWith(String idempotencyKey, StaffPrincipal me) {
        return idempotency.find(me.userId(), idempotencyKey).map(IdempotencyRows.Claim::incidentId);
    }

    private Channel channel(String given, StaffPrincipal me) {
        if (given != null && !given.isBlank()) {
            return parse(Channel.class, "channel", given);
        }
        return switch (Actors.roleFor(me, Role.GRID_WORKER, Role.RESIDENT, Role.CENTRE_DISPATCHER)) {
            case GRID_WORKER -> Channel.GRID_WORKER;
            case RESIDENT -> Channel.CITIZEN;
            case CENTRE_DISPATCHER -> Channel.HOTLINE;
            default -> throw Problems.invalid("channel", "channel is required for a " + me.roles());
        };
    }

    private static Role[] reportingRoles(Channel channel) {
        return switch (channel) {
            case GRID_WORKER, PATROL -> new Role[] {Role.GRID_WORKER};
            case CITIZEN -> new Role[] {Role.RESIDENT};
            case HOTLINE, VISIT, SENSOR -> new Role[] {Role.CENTRE_DISPATCHER};
        };
    }

    private static Place place(ReportIncident command) {
        Double lng = command.longitude();
        Double lat = command.latitude();
        if ((lng == null) != (lat == null)) {
            throw Problems.invalid(lng == null ? "longitude" : "latitude", "longitude and latitude come together");
        }
        if (lng != null) {
            if (!Double.isFinite(lng) || lng < -180 || lng > 180) {
                throw Problems.invalid("longitude", "longitude must be between -180 and 180");
            }
            if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
                throw Problems.invalid("latitude", "latitude must be between -90 and 90");
            }
        }
        String address = blankToNull(command.address());
        if (lng == null && address == null) {
            throw Problems.invalid("longitude", "a report needs coordinates or an address");
        }
        if (lng == null && blankToNull(command.gridCode()) == null) {
            throw Problems.invalid("gridCode", "a report with an address only must name its grid (gridCode)");
        }
        String phone = blankToNull(command.reporterPhone());
        if (phone != null && !phone.matches("[0-9+\\- ]{3,20}")) {
            throw Problems.invalid("reporterPhone", "reporterPhone must be a phone number");
        }
        return new Place(lng, lat, address);
    }

    /**
     * Every text of a report against {@link TextRules}, before anything is looked up or written; the description's
     * length is the aggregate's rule ({@link Incident#MAX_TEXT}), its characters are checked here.
     */
    private static void checkTexts(ReportIncident c) {
        TextRules.check("itemCode", c.itemCode(), Kind.CODE);
        TextRules.checkCharacters("text", c.text());
        TextRules.check("channel", c.channel(), Kind.LINE);
        TextRules.check("address", c.address(), Kind.ADDRESS);
        TextRules.check("gridCode", c.gridCode(), Kind.CODE);
        TextRules.check("reporterName", c.reporterName(), Kind.NAME);
        TextRules.check("reporterPhone", c.reporterPhone(), Kind.LINE);
    }

    /** Every text of an action against {@link TextRules}, before the incident is loaded. */
    private static void checkTexts(IncidentCommand command) {
        TextRules.check("comment", command.comment(), Kind.COMMENT);
        if (command instanceof IncidentCommand.Dispatch d) {
            TextRules.check("mode", d.mode(), Kind.LINE);
            TextRules.check("department", d.department(), Kind.CODE);
            TextRules.check("centre", d.centre(), Kind.CODE);
            for (int i = 0; i < d.assisting().size(); i++) {
                TextRules.check("assisting[" + i + "]", d.assisting().get(i), Kind.CODE);
            }
        } else if (command instanceof IncidentCommand.Escalate e) {
            TextRules.check("centre", e.centre(), Kind.CODE);
        } else if (command instanceof IncidentCommand.Evaluate e) {
            TextRules.check("satisfaction", e.satisfaction(), Kind.LINE);
        }
    }

    private Location locate(ReportIncident command, Place place) {
        if (place.longitude() != null) {
            return grids.locate(place.longitude(), place.latitude())
                    .orElseThrow(() -> Problems.of(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "outside-jurisdiction",
                            "The location " + place.longitude() + ", " + place.latitude()
                                    + " lies outside the city's grids (outside jurisdiction)",
                            Map.of("field", "longitude")));
        }
        return grids.location(command.gridCode().strip())
                .orElseThrow(() -> Problems.of(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "unknown-grid",
                        "There is no grid " + command.gridCode(),
                        Map.of("field", "gridCode")));
    }

    /** What makes two intakes the same request: every field, in a fixed order. */
    private static String fingerprint(ReportIncident c, Channel channel) {
        StringBuilder out = new StringBuilder();
        for (Object field : new Object[] {
            c.itemCode(),
            c.text(),
            channel,
            c.longitude(),
            c.latitude(),
            c.address(),
            c.gridCode(),
            c.reporterName(),
            c.reporterPhone(),
            c.photoIds()
        }) {
            String text = String.valueOf(field);
            out.append(text.length()).append(':').append(text);
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(out.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Actions

    /** 受理 (立案). */
    @Transactional
    public IncidentView accept(UUID id, IncidentCommand.Plain c, StaffPrincipal me) {
        return perform(id, c, me, "ACCEPT", (incident, act) -> incident.accept(act), Role.CENTRE_DISPATCHER);
    }

    /**
     * 转矛盾纠纷调解: the owning centre hands an incident of the 矛盾纠纷 category to a mediation case, named in {@code
     * caseReference}; a reported incident is accepted first (two history entries). The incident then waits for the
     * case, which closes it through {@link #concludeHandedOver}.
     */
    @Transactional
    public IncidentView handOver(UUID id, String caseReference, StaffPrincipal me) {
        IncidentView v = find(id, me).orElseThrow(() -> Problems.notFound("incident", id.toString()));
        if ("REPORTED".equals(v.status())) {
            accept(id, new IncidentCommand.Plain("受理，转矛盾纠纷调解", List.of()), me);
        }
        return perform(
                id,
                new IncidentCommand.Plain(caseReference, List.of()),
                me,
                "HAND_OVER",
                (incident, act) -> incident.handOver(act),
                Role.CENTRE_DISPATCHER);
    }

    /**
     * 纠纷调处办结: the mediation case an incident was handed to concluded; the platform closes the incident at the level
     * ({@code VILLAGE}, {@code TOWN}, {@code COUNTY}, {@code CITY}) that concluded the case, with its outcome as the
     * result. For the dispute module, in its transaction.
     */
    @Transactional
    public void concludeHandedOver(UUID id, String outcome, String level) {
        IncidentStore.Loaded loaded =
                store.load(new IncidentId(id)).orElseThrow(() -> Problems.notFound("incident", id.toString()));
        Incident incident = loaded.incident();
        long version = incident.version();
        Instant now = clock.instant();
        Decision decision = incident.concludeHandedOver(
                new Act(Actor.SYSTEM, now, outcome, List.of()), org.onegrid.incident.domain.Level.valueOf(level));
        if (decision instanceof Decision.Rejected rejected) {
            throw problem(rejected, "CONCLUDE_HANDED_OVER");
        }
        if (!store.save(loaded, version, now)) {
            throw changedMeanwhile(id);
        }
    }

    /** 不予受理; the comment is the reason. */
    @Transactional
    public IncidentView reject(UUID id, IncidentCommand.Plain c, StaffPrincipal me) {
        return perform(id, c, me, "REJECT", (incident, act) -> incident.reject(act), Role.CENTRE_DISPATCHER);
    }

    /** 合并 into another incident, which counts one more supporter; both change or neither. */
    @Transactional
    public IncidentView merge(UUID id, IncidentCommand.Merge c, StaffPrincipal me) {
        if (c.into() == null) {
            throw Problems.invalid("into", "into is required: the incident this one duplicates");
        }
        IncidentStore.Loaded survivor = store.load(new IncidentId(c.into()))
                .filter(l -> canSee(me, l.incident().snapshot()))
                .orElseThrow(() -> Problems.of(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "unknown-incident",
                        "There is no incident " + c.into(),
                        Map.of("field", "into")));
        long survivorVersion = survivor.incident().version();
        IncidentView view = perform(
                id,
                c,
                me,
                "MERGE",
                (incident, act) -> incident.mergeInto(survivor.incident(), act),
                Role.CENTRE_DISPATCHER);
        if (!store.save(survivor, survivorVersion, clock.instant())) {
            throw changedMeanwhile(c.into());
        }
        return view;
    }

    /** 自行处置 by a grid worker of the incident's grid; the comment is the result, the photos the evidence. */
    @Transactional
    public IncidentView resolve(UUID id, IncidentCommand.Plain c, StaffPrincipal me) {
        return perform(
                id, c, me, "RESOLVE_ON_THE_SPOT", (incident, act) -> incident.resolveOnTheSpot(act), Role.GRID_WORKER);
    }

    /** 派遣: single, dual, joint (吹哨报到) or down to a lower centre. */
    @Transactional
    public IncidentView dispatch(UUID id, IncidentCommand.Dispatch c, StaffPrincipal me) {
        String mode = c.mode() == null ? "SINGLE" : c.mode().strip().toUpperCase(Locale.ROOT);
        return perform(
                id,
                c,
                me,
                "DISPATCH",
                (incident, act) -> incident.dispatch(act, dispatchOf(mode, c, incident)),
                Role.CENTRE_DISPATCHER);
    }

    private Dispatch dispatchOf(String mode, IncidentCommand.Dispatch c, Incident incident) {
        String village = villageOf(incident);
        return switch (mode) {
            case "SINGLE" -> new Dispatch.Single(department(c.department(), village, "department"));
            case "DUAL" -> {
                if (c.supervisorUserId() == null) {
                    throw Problems.invalid("supervisorUserId", "dual dispatch (双派单) needs the supervising grid worker");
                }
                boolean worksGrid = staff.gridStaff(incident.intake().gridCode()).stream()
                        .anyMatch(a -> a.userId() == c.supervisorUserId() && a.duty() == GridDuty.GRID_WORKER);
                if (!worksGrid) {
                    throw Problems.of(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "invalid-action",
                            "User " + c.supervisorUserId() + " is no grid worker of grid "
                                    + incident.intake().gridCode(),
                            Map.of("field", "supervisorUserId"));
                }
                yield new Dispatch.Dual(department(c.department(), village, "department"), c.supervisorUserId());
            }
            case "JOINT" -> {
                List<Department> assisting = new ArrayList<>();
                for (int i = 0; i < c.assisting().size(); i++) {
                    assisting.add(department(c.assisting().get(i), village, "assisting[" + i + "]"));
                }
                yield new Dispatch.Joint(department(c.department(), village, "department"), assisting);
            }
            case "DOWN" -> {
                if (c.centre() == null || c.centre().isBlank()) {
                    throw Problems.invalid("centre", "dispatching down (下派) needs the region code of the lower centre");
                }
                yield new Dispatch.Down(routing.centreOfRegion(c.centre().strip())
                        .orElseThrow(() -> unprocessable("centre", "There is no centre of region " + c.centre())));
            }
            default -> throw Problems.invalid("mode", "mode must be one of [SINGLE, DUAL, JOINT, DOWN]");
        };
    }

    private Department department(String code, String village, String field) {
        if (code == null || code.isBlank()) {
            throw Problems.invalid(field, field + " is required: a department code such as chengguan");
        }
        return routing.department(code.strip(), village)
                .orElseThrow(() -> unprocessable(field, "There is no department " + code + " serving " + village));
    }

    /** 签收 by the lead department. */
    @Transactional
    public IncidentView sign(UUID id, IncidentCommand.Plain c, StaffPrincipal me) {
        return perform(id, c, me, "SIGN", (incident, act) -> incident.sign(act), Role.DEPARTMENT_HANDLER);
    }

    /** 退回 by the lead department before signing; the comment is the reason. */
    @Transactional
    public IncidentView returnToCentre(UUID id, IncidentCommand.Plain c, StaffPrincipal me) {
        return perform(id, c, me, "RETURN", (incident, act) -> incident.returnToCentre(act), Role.DEPARTMENT_HANDLER);
    }

    /** 申请延期 by the lead department. */
    @Transactional
    public IncidentView requestExtension(UUID id, IncidentCommand.RequestExtension c, StaffPrincipal me) {
        if (c.hours() == null || c.hours() < 1 || c.hours() > MAX_HOURS) {
            throw Problems.invalid("hours", "hours is required: how much longer, 1 to " + MAX_HOURS);
        }
        return perform(
                id,
                c,
                me,
                "REQUEST_EXTENSION",
                (incident, act) -> incident.requestExtension(act, Duration.ofHours(c.hours())),
                Role.DEPARTMENT_HANDLER);
    }

    /** 延期审批 by the owning centre. */
    @Transactional
    public IncidentView decideExtension(UUID id, IncidentCommand.DecideExtension c, StaffPrincipal me) {
        if (c.approve() == null) {
            throw Problems.invalid("approve", "approve is required: true or false");
        }
        return perform(
                id,
                c,
                me,
                c.approve() ? "APPROVE_EXTENSION" : "DENY_EXTENSION",
                (incident, act) -> incident.decideExtension(act, c.approve()),
                Role.CENTRE_DISPATCHER);
    }

    /** 报到 by an assisting department of a joint task. */
    @Transactional
    public IncidentView reportIn(UUID id, IncidentCommand.Plain c, StaffPrincipal me) {
        return perform(id, c, me, "REPORT_IN", (incident, act) -> incident.reportIn(act), Role.DEPARTMENT_HANDLER);
    }

    /** 协办反馈 by an assisting department; the comment is its part. */
    @Transactional
    public IncidentView recordPart(UUID id, IncidentCommand.Plain c, StaffPrincipal me) {
        return perform(id, c, me, "RECORD_PART", (incident, act) -> incident.recordPart(act), Role.DEPARTMENT_HANDLER);
    }

    /** 办结反馈 by the lead department; the comment is the result, the photos the evidence. */
    @Transactional
    public IncidentView complete(UUID id, IncidentCommand.Plain c, StaffPrincipal me) {
        return perform(id, c, me, "COMPLETE", (incident, act) -> incident.complete(act), Role.DEPARTMENT_HANDLER);
    }

    /** 核查: passed closes, failed sends back as rework. */
    @Transactional
    public IncidentView verify(UUID id, IncidentCommand.Verify c, StaffPrincipal me) {
        if (c.passed() == null) {
            throw Problems.invalid("passed", "passed is required: true or false");
        }
        return perform(
                id,
                c,
                me,
                c.passed() ? "VERIFY_PASS" : "VERIFY_FAIL",
                (incident, act) -> incident.verify(act, c.passed()),
                Role.GRID_WORKER,
                Role.CENTRE_DISPATCHER);
    }

    /** 上报 to the parent centre (or, for an emergency item, a named centre further up). */
    @Transactional
    public IncidentView escalate(UUID id, IncidentCommand.Escalate c, StaffPrincipal me) {
        return perform(
                id,
                c,
                me,
                "ESCALATE",
                (incident, act) -> incident.escalate(act, escalationTarget(c, incident)),
                Role.CENTRE_DISPATCHER);
    }

    private Centre escalationTarget(IncidentCommand.Escalate c, Incident incident) {
        if (c.centre() != null && !c.centre().isBlank()) {
            return routing.centreOfRegion(c.centre().strip())
                    .orElseThrow(() -> unprocessable("centre", "There is no centre of region " + c.centre()));
        }
        return routing.parentOf(incident.owner()).orElse(null);
    }

    /** 评价 by the reporter, or by the owning centre recording the return call (回访). */
    @Transactional
    public IncidentView evaluate(UUID id, IncidentCommand.Evaluate c, StaffPrincipal me) {
        return view(evaluated(id, c, me), me);
    }

    private IncidentStore.Loaded evaluated(UUID id, IncidentCommand.Evaluate c, StaffPrincipal me) {
        Satisfaction rating = parse(Satisfaction.class, "satisfaction", c.satisfaction());
        if (rating == null) {
            throw Problems.invalid("satisfaction", "satisfaction is required");
        }
        return performed(
                id,
                c,
                me,
                "EVALUATE",
                (incident, act) -> incident.evaluate(act, rating),
                Role.RESIDENT,
                Role.CENTRE_DISPATCHER);
    }

    /** 重办 after 不满意. */
    @Transactional
    public IncidentView reopen(UUID id, IncidentCommand.Plain c, StaffPrincipal me) {
        return perform(id, c, me, "REOPEN", (incident, act) -> incident.reopen(act), Role.CENTRE_DISPATCHER);
    }

    /** 催办. */
    @Transactional
    public IncidentView urge(UUID id, IncidentCommand.Plain c, StaffPrincipal me) {
        return perform(id, c, me, "URGE", (incident, act) -> incident.urge(act), Role.LEADER, Role.CENTRE_DISPATCHER);
    }

    /** 督办: a supervision order with its own deadline; the comment is the instruction. */
    @Transactional
    public IncidentView supervise(UUID id, IncidentCommand.Supervise c, StaffPrincipal me) {
        if (c.hours() == null || c.hours() < 1 || c.hours() > MAX_HOURS) {
            throw Problems.invalid(
                    "hours", "hours is required: the order's time limit, 1 to " + MAX_HOURS + " (working or natural)");
        }
        TimeLimit limit = new TimeLimit(
                Duration.ofHours(c.hours()),
                Boolean.TRUE.equals(c.naturalHours()) ? TimeMode.NATURAL : TimeMode.WORKING);
        return perform(
                id,
                c,
                me,
                "SUPERVISE",
                (incident, act) -> incident.supervise(act, limit),
                Role.LEADER,
                Role.CENTRE_DISPATCHER);
    }

    /** 督办回复. */
    @Transactional
    public IncidentView replyToSupervision(UUID id, IncidentCommand.ReplyToSupervision c, StaffPrincipal me) {
        if (c.order() == null) {
            throw Problems.invalid("order", "order is required: the number of the supervision order");
        }
        return perform(
                id,
                c,
                me,
                "REPLY_SUPERVISION",
                (incident, act) -> incident.replyToSupervision(act, c.order()),
                Role.CENTRE_DISPATCHER,
                Role.DEPARTMENT_HANDLER);
    }

    /**
     * 核定事项类型 by the owning centre: confirms the item (a report whose item was suggested, 类型待确认) or changes it,
     * with the reason in the comment. The running stage keeps its deadline; stages that start later run on the new
     * item's limits. Either way the incident's text, without personal data, is kept as a labelled example that the
     * next suggestion model learns from.
     */
    @Transactional
    public IncidentView reclassify(UUID id, IncidentCommand.Reclassify c, StaffPrincipal me) {
        if (isBlank(c.itemCode())) {
            throw Problems.invalid("itemCode", "itemCode is required: the item the incident is, confirmed or changed");
        }
        CatalogItem item = openItem(c.itemCode());
        String[] previous = new String[1];
        IncidentStore.Loaded loaded = performed(
                id,
                c,
                me,
                "RECLASSIFY",
                (incident, act) -> {
                    previous[0] = incident.terms().itemCode();
                    return incident.reclassify(act, item.terms());
                },
                Role.CENTRE_DISPATCHER);
        Incident incident = loaded.incident();
        IncidentRows.Placement placement = loaded.placement();
        if (!item.categoryCode().equals(placement.categoryCode())) {
            rows.changeCategory(incident.id(), item.categoryCode());
            placement = new IncidentRows.Placement(
                    placement.villageCode(),
                    placement.townCode(),
                    placement.countyCode(),
                    item.categoryCode(),
                    placement.reporterPhone(),
                    placement.number());
        }
        suggestions.learn(new LabelIncident(
                id,
                incident.intake().text(),
                item.terms().itemCode(),
                previous[0],
                me.userId(),
                c.comment(),
                clock.instant()));
        return view(new IncidentStore.Loaded(incident, placement, loaded.yellowWarned()), me);
    }

    private IncidentView perform(
            UUID id,
            IncidentCommand command,
            StaffPrincipal me,
            String action,
            BiFunction<Incident, Act, Decision> decide,
            Role... roles) {
        return view(performed(id, command, me, action, decide, roles), me);
    }

    /** Loads the incident, lets it decide, saves what it did and attaches the photos; returns it as saved. */
    private IncidentStore.Loaded performed(
            UUID id,
            IncidentCommand command,
            StaffPrincipal me,
            String action,
            BiFunction<Incident, Act, Decision> decide,
            Role... roles) {
        // outside the caller's scope the incident does not exist, exactly as when read: no other check runs first, so
        // no refusal tells its status, region, grid or item to someone who may not see it
        IncidentStore.Loaded loaded = store.load(new IncidentId(id))
                .filter(l -> me == ANONYMOUS || canSee(me, l.incident().snapshot()))
                .orElseThrow(() -> Problems.notFound("incident", id.toString()));
        checkTexts(command);
        Incident incident = loaded.incident();
        long version = incident.version();
        if (command.photoIds().size() > Incident.MAX_ATTACHMENTS) {
            throw unprocessable("photoIds", "An action may carry at most " + Incident.MAX_ATTACHMENTS + " photos");
        }
        Instant now = clock.instant();
        Act act = new Act(actors.of(me, roles), now, command.comment(), ids(command.photoIds()));
        Decision decision;
        try {
            decision = decide.apply(incident, act);
        } catch (CalendarYearNotCovered e) {
            throw beyondCalendar(e, command);
        }
        if (decision instanceof Decision.Rejected rejected) {
            throw problem(rejected, action);
        }
        checkPhotos(command.photoIds(), me, incident.id());
        if (!store.save(loaded, version, now)) {
            throw changedMeanwhile(id);
        }
        photos.attach(command.photoIds(), IncidentCaseKind.KIND, incident.id().value(), me.userId());
        return loaded;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Queries

    /** An incident with its history and photos; empty outside the caller's scope (residents: not their report). */
    @Transactional(readOnly = true)
    public Optional<IncidentView> find(UUID id, StaffPrincipal me) {
        return store.load(new IncidentId(id))
                .filter(l -> canSee(me, l.incident().snapshot()))
                .map(l -> view(l, me));
    }

    /** The history of an incident and whether its hash chain verifies; empty outside the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<HistoryView> history(UUID id, StaffPrincipal me) {
        IncidentId incidentId = new IncidentId(id);
        return rows.find(incidentId)
                .filter(stored -> canSee(me, stored.snapshot()))
                .map(stored ->
                        history(rows.history(incidentId, stored.snapshot().version())));
    }

    /** A page of incidents within the caller's scope. */
    @Transactional(readOnly = true)
    public IncidentPage list(IncidentFilter f, StaffPrincipal me) {
        if (f.page() < 0) {
            throw Problems.invalid("page", "page must be 0 or more");
        }
        if (f.size() < 1 || f.size() > 200) {
            throw Problems.invalid("size", "size must be between 1 and 200");
        }
        TextRules.check("region", f.region(), Kind.CODE);
        String regionPath = null;
        if (blankToNull(f.region()) != null) {
            regionPath = regions.find(f.region().strip())
                    .map(RegionView::path)
                    .orElseThrow(() -> Problems.invalid("region", "region " + f.region() + " does not exist"));
        }
        IncidentSearch.Sort sort = IncidentSearch.Sort.REPORTED_AT;
        boolean ascending = false;
        if (blankToNull(f.sort()) != null) {
            String[] parts = f.sort().strip().split(",");
            sort = switch (parts[0].strip()) {
                case "reportedAt" -> IncidentSearch.Sort.REPORTED_AT;
                case "deadline" -> IncidentSearch.Sort.DEADLINE;
                case "status" -> IncidentSearch.Sort.STATUS;
                default -> throw Problems.invalid("sort", "sort must be reportedAt, deadline or status");
            };
            if (parts.length > 1) {
                ascending = switch (parts[1].strip().toLowerCase(Locale.ROOT)) {
                    case "asc" -> true;
                    case "desc" -> false;
                    default -> throw Problems.invalid("sort", "sort direction must be asc or desc");
                };
            }
        }
        Problems.checkDay("from", f.from());
        Problems.checkDay("to", f.to());
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw Problems.invalid("to", "to must not be before from");
        }
        TextRules.check("text", f.text(), Kind.QUERY);
        TextRules.check("number", f.number(), Kind.CODE);
        String number = null;
        if (blankToNull(f.number()) != null) {
            number = IncidentSearch.numberPattern(f.number())
                    .orElseThrow(() -> Problems.invalid(
                            "number", "number must be an incident number (DY-20261203-0042) or its tail (0042)"));
        }
        TextRules.check("grid", f.grid(), Kind.CODE);
        TextRules.check("category", f.category(), Kind.CODE);
        TextRules.check("item", f.item(), Kind.CODE);
        boolean resident = onlyResident(me);
        Channel channel = parse(Channel.class, "channel", f.channel());
        return search.page(new IncidentSearch.Query(
                resident ? null : scopeOf(me),
                resident ? me.userId() : null,
                parse(Status.class, "status", f.status()),
                parse(Light.class, "light", f.light()),
                regionPath,
                blankToNull(f.grid()),
                blankToNull(f.category()),
                blankToNull(f.item()),
                channel == null ? null : channel.name(),
                f.from() == null ? null : f.from().atStartOfDay(LOCAL).toInstant(),
                f.to() == null ? null : f.to().plusDays(1).atStartOfDay(LOCAL).toInstant(),
                blankToNull(f.text()),
                number,
                sort,
                ascending,
                f.page(),
                f.size(),
                clock.instant()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Photos

    /** A photo as served: its type and bytes. */
    public record Photo(String contentType, byte[] data) {}

    /**
     * Stores an uploaded photo, to be attached to an intake or an action by its id. Only JPEG, PNG and WebP are
     * accepted, recognised by their content, not their name; at most {@link #MAX_PHOTO_BYTES}.
     */
    @Transactional
    public IncidentView.PhotoView upload(byte[] data, StaffPrincipal me) {
        Attachment stored = photos.store(data, me.userId());
        return new IncidentView.PhotoView(stored.id(), null, stored.contentType(), stored.size());
    }

    /** A photo of an incident the caller may see. */
    @Transactional(readOnly = true)
    public Optional<Photo> photo(UUID incidentId, UUID photoId, StaffPrincipal me) {
        IncidentId incident = new IncidentId(incidentId);
        return rows.find(incident)
                .filter(stored -> canSee(me, stored.snapshot()))
                .flatMap(stored -> photos.data(photoId))
                .filter(p -> p.attachment().belongsTo(IncidentCaseKind.KIND, incidentId))
                .map(p -> new Photo(p.attachment().contentType(), p.data()));
    }

    private void checkPhotos(List<UUID> ids, StaffPrincipal me, IncidentId incident) {
        photos.check(ids, me.userId(), IncidentCaseKind.KIND, incident == null ? null : incident.value());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Scope and views

    private IncidentStore.Loaded loaded(IncidentId id) {
        return store.load(id).orElseThrow(() -> Problems.notFound("incident", id.toString()));
    }

    private static boolean onlyResident(StaffPrincipal me) {
        return me.roles().size() == 1 && me.hasRole(org.onegrid.staff.Role.RESIDENT);
    }

    private static String scopeOf(StaffPrincipal me) {
        return me.scopePath() == null ? "" : me.scopePath();
    }

    private static boolean canSee(StaffPrincipal me, IncidentSnapshot s) {
        if (onlyResident(me)) {
            return s.intake().reporter().hasAccount() && s.intake().reporter().userId() == me.userId();
        }
        return s.intake().regionPath().startsWith(scopeOf(me));
    }

    private String villageOf(Incident incident) {
        String path = incident.intake().regionPath();
        String trimmed = path.substring(0, path.length() - 1);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    static HistoryView history(List<HistoryEntry> entries) {
        HistoryChain.Verification verification = HistoryChain.verify(entries);
        return new HistoryView(
                entries.stream().map(IncidentApi::entry).toList(), verification.holds(), verification.firstBroken());
    }

    private static HistoryView.Entry entry(HistoryEntry e) {
        return new HistoryView.Entry(
                e.sequence(),
                e.at(),
                e.actorId(),
                e.actorName(),
                e.role().name(),
                e.orgId(),
                e.fromStatus() == null ? null : e.fromStatus().name(),
                e.toStatus().name(),
                e.action().name(),
                e.action().label(),
                e.comment(),
                e.detail(),
                e.attachmentIds(),
                e.previousHash(),
                e.hash());
    }

    private IncidentView view(IncidentStore.Loaded loaded, StaffPrincipal me) {
        Incident incident = loaded.incident();
        IncidentSnapshot s = incident.snapshot();
        List<HistoryEntry> history = incident.history();
        IncidentRows.Placement placement = loaded.placement();
        Instant now = clock.instant();
        Handling h = s.handling();
        String phone = null;
        if (placement.reporterPhone() != null) {
            phone = PhoneCipher.mask(phones.decrypt(placement.reporterPhone()));
        }
        return new IncidentView(
                s.id().value(),
                placement.number(),
                s.version(),
                s.status().name(),
                s.status().label(),
                s.intake().channel().name(),
                s.terms().itemCode(),
                s.terms().itemName(),
                placement.categoryCode(),
                new IncidentView.Terms(
                        s.terms().normalLevel().name(),
                        s.terms().departmentCodes(),
                        limit(s.terms().accept()),
                        limit(s.terms().handle()),
                        limit(s.terms().verify()),
                        s.terms().jointAllowed(),
                        s.terms().emergency(),
                        s.terms().autoEscalateOnOverdue()),
                s.intake().text(),
                s.intake().place().longitude(),
                s.intake().place().latitude(),
                s.intake().place().address(),
                s.intake().gridCode(),
                placement.villageCode(),
                placement.townCode(),
                placement.countyCode(),
                s.intake().regionPath(),
                s.intake().reporter().userId(),
                s.intake().reporter().name(),
                phone,
                s.reportedAt(),
                new IncidentView.Org(
                        s.owner().orgId(),
                        routing.name(s.owner().orgId()).orElse(null),
                        s.owner().level().name(),
                        s.owner().regionPath()),
                h == null
                        ? null
                        : new IncidentView.HandlingView(
                                h.mode().name(),
                                org(h.lead()),
                                h.assisting().stream()
                                        .map(a -> new IncidentView.AssistView(
                                                org(a.department()), a.reportedInAt(), a.part(), a.partRecordedAt()))
                                        .toList(),
                                h.supervisorUserId(),
                                h.dispatchedAt(),
                                h.signedAt()),
                s.stage() == null
                        ? null
                        : new IncidentView.StageView(
                                s.stage().stage().name(),
                                s.stage().startedAt(),
                                s.stage().deadline(),
                                s.stage().yellowAt(),
                                s.stage().overdueMarked(),
                                s.terms().limitOf(s.stage().stage()).mode() == TimeMode.WORKING
                                        && deadlines.provisional(
                                                s.stage().startedAt(), s.stage().deadline())),
                incident.light(now).map(Enum::name).orElse(null),
                s.pendingExtension() == null
                        ? null
                        : new IncidentView.ExtensionView(
                                s.pendingExtension().extra(),
                                s.pendingExtension().reason(),
                                s.pendingExtension().requestedBy(),
                                s.pendingExtension().departmentId(),
                                s.pendingExtension().requestedAt()),
                new IncidentView.Counts(
                        s.tally().supporters(),
                        s.tally().returns(),
                        s.tally().reworks(),
                        s.tally().reopens(),
                        s.tally().escalations(),
                        s.tally().urges(),
                        s.tally().overdues(),
                        s.tally().extensions()),
                s.mergedInto() == null ? null : s.mergedInto().value(),
                s.result(),
                s.satisfaction() == null ? null : s.satisfaction().name(),
                s.resolutionLevel() == null ? null : s.resolutionLevel().name(),
                s.closedAt(),
                new IncidentView.StageTimesView(
                        s.stageTimes().accept(),
                        s.stageTimes().handle(),
                        s.stageTimes().verify()),
                s.supervisions().stream()
                        .map(o -> new IncidentView.SupervisionView(
                                o.number(),
                                o.issuerUserId(),
                                o.issuerOrgId(),
                                o.instruction(),
                                o.issuedAt(),
                                o.deadline(),
                                o.reply(),
                                o.repliedBy(),
                                o.repliedAt()))
                        .toList(),
                photoViews(s.id(), history),
                history(history),
                s.typeUnconfirmed());
    }

    /**
     * The photos attached to the incident. A photo is attached only by the intake or action that names it, and its
     * history entry names it too: a history naming none means there are none to look for.
     */
    private List<IncidentView.PhotoView> photoViews(IncidentId id, List<HistoryEntry> history) {
        if (history.stream().allMatch(e -> e.attachmentIds().isEmpty())) {
            return List.of();
        }
        return photos.of(IncidentCaseKind.KIND, id.value()).stream()
                .map(p -> new IncidentView.PhotoView(
                        p.id(), "/api/v1/incidents/" + id + "/photos/" + p.id(), p.contentType(), p.size()))
                .toList();
    }

    private IncidentView.Org org(Department d) {
        return new IncidentView.Org(d.orgId(), routing.name(d.orgId()).orElse(null), null, d.regionPath());
    }

    private static IncidentView.Limit limit(TimeLimit limit) {
        return new IncidentView.Limit(limit.duration(), limit.mode().name());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Problems

    /**
     * The problem answering a refused action: 403, 409 or 422 by its kind, with the refusal's {@code reason} code and
     * {@code args} for programs and translations beside the English {@code detail}.
     */
    static ErrorResponseException problem(Decision.Rejected rejected, String action) {
        Map<String, Object> properties = Map.of("action", action, "reason", rejected.code(), "args", rejected.args());
        return switch (rejected.kind()) {
            case FORBIDDEN -> Problems.of(HttpStatus.FORBIDDEN, "forbidden", rejected.reason(), properties);
            case CONFLICT -> Problems.of(HttpStatus.CONFLICT, "conflict", rejected.reason(), properties);
            case INVALID ->
                Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-action", rejected.reason(), properties);
        };
    }

    private static ErrorResponseException changedMeanwhile(UUID id) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "changed-meanwhile",
                "The incident " + id + " changed meanwhile; load it again and retry",
                Map.of());
    }

    private static ErrorResponseException unprocessable(String field, String detail) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-action", detail, Map.of("field", field));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(
                    field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    /**
     * A deadline the working-time calendar cannot count (it has no data for the year it would reach): the request is
     * refused, not failed, naming the hours when they pushed it there.
     */
    private static ErrorResponseException beyondCalendar(CalendarYearNotCovered e, IncidentCommand command) {
        boolean hours =
                command instanceof IncidentCommand.Supervise || command instanceof IncidentCommand.RequestExtension;
        return Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "beyond-calendar",
                "The deadline would fall in " + e.year() + ", for which the working-time calendar has no holidays yet",
                hours ? Map.of("field", "hours") : Map.of());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
