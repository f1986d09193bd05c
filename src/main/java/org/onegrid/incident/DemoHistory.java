package org.onegrid.incident;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.onegrid.casework.notify.Notifications;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.catalog.HandlingLevel;
import org.onegrid.incident.domain.ActionRefused;
import org.onegrid.incident.scan.OverdueScan;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.Regions;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.demo.ReplayClock;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * The demo city's past year: a few thousand incidents over every channel, category and level, with their
 * overdue, reworked, escalated, joint and unsatisfied cases. Nothing is written as a final state: every incident
 * is driven through the same actions a user takes, at the times they would have taken them, so every history is
 * a true, verifying chain. Incidents whose next step would lie in the future stay open where they are.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "onegrid.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoHistory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final ZoneId LOCAL = CityTime.ZONE;

    /**
     * How often the centre dispatches after its desk time, and the verifier checks after its time (‰): rarely, as a
     * centre's desk is watched all day.
     */
    private static final int CENTRE_LATE_PER_MILLE = 30;

    private static final int VERIFIER_LATE_PER_MILLE = 30;

    private final IncidentApi api;
    private final OverdueScan overdue;
    private final Catalog catalog;
    private final Grids grids;
    private final Regions regions;
    private final Staff staff;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Notifications notifications;
    private final int count;
    private final boolean background;

    DemoHistory(
            IncidentApi api,
            OverdueScan overdue,
            Catalog catalog,
            Grids grids,
            Regions regions,
            Staff staff,
            Organisations organisations,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Notifications notifications,
            @Value("${onegrid.demo.incidents:3000}") int count,
            @Value("${onegrid.demo.incidents-in-background:true}") boolean background) {
        this.api = api;
        this.overdue = overdue;
        this.catalog = catalog;
        this.grids = grids;
        this.regions = regions;
        this.staff = staff;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.tx = tx;
        this.notifications = notifications;
        this.count = count;
        this.background = background;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (count <= 0
                || jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single() > 0) {
            return;
        }
        if (background) {
            Thread worker = new Thread(this::generate, "demo-history");
            worker.setDaemon(true);
            worker.start();
        } else {
            generate();
        }
    }

    /**
     * How a lead department keeps its time 办理时效, in ‰ of its handling rounds: how many it completes after the
     * deadline, and how many its verifier sends back 返工. 城管 works the street every day and is quick; 住建 waits on
     * contractors and owners' committees and is chronically late; the others lie between, near what city reports
     * publish (按期结案率 around 85–90 %, 返工 a few in a hundred).
     */
    private record Pace(int latePerMille, int reworkPerMille) {

        static Pace of(String department) {
            return switch (department) {
                case "chengguan" -> new Pace(20, 30);
                case "zhujian" -> new Pace(300, 140);
                default -> new Pace(80, 60);
            };
        }
    }

    /** Why an incident's replay stopped: its next step would be in the future, or the rules refused it. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    void generate() {
        long started = System.nanoTime();
        Map<String, Integer> outcomes = replay(Instant.now(), count);
        log.info(
                "Demo history: {} incidents over the past year in {} s: {}",
                count,
                (System.nanoTime() - started) / 1_000_000_000,
                outcomes);
    }

    /** Replays {@code count} incidents over the year before {@code end}; how many ended which way. */
    Map<String, Integer> replay(Instant end, int count) {
        ReplayClock clock = new ReplayClock(end.minus(Duration.ofDays(365)));
        Replay replay = new Replay(api.withClock(clock), clock, end, count, new Random(20261123));
        Map<String, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            String outcome = tx.execute(status -> {
                try {
                    return replay.one(n);
                } catch (Stop stop) {
                    return "still open";
                } catch (ActionRefused | ErrorResponseException e) {
                    log.warn("demo incident {} stopped by a rule: {}", n, e.getMessage());
                    return "stopped by a rule";
                }
            });
            outcomes.merge(outcome, 1, Integer::sum);
        }
        // nobody lived through the replayed days: their notices are read, today's wait for their readers
        notifications.markReadByEveryoneBefore(
                end.atZone(LOCAL).toLocalDate().atStartOfDay(LOCAL).toInstant(), end);
        return outcomes;
    }

    /** Replays one incident after another at the times they happened. */
    private final class Replay {
        private final IncidentApi at;
        private final ReplayClock clock;
        private final Instant end;
        private final Random random;
        private final List<GridView> gridList;
        private final List<CatalogItemView> items;
        private final Map<String, Optional<StaffPrincipal>> byUsername = new HashMap<>();
        private final Map<Long, Optional<StaffPrincipal>> byOrg = new HashMap<>();
        private final StaffPrincipal admin;
        private final StaffPrincipal leader;
        private byte[] photo;
        private final Instant start;
        private final int total;
        private final long gapSeconds;
        /** The incident being replayed, and the centre that owns it now. */
        private UUID current;

        private StaffPrincipal centre;

        Replay(IncidentApi at, ReplayClock clock, Instant end, int total, Random random) {
            this.at = at;
            this.total = total;
            this.clock = clock;
            this.end = end;
            this.random = random;
            this.gridList = grids.all();
            this.items = catalog.categories().stream()
                    .flatMap(c -> c.items().stream())
                    .filter(CatalogItemView::active)
                    .toList();
            this.admin = user("admin").orElseThrow();
            this.leader = user("leader").orElseThrow();
            this.start = clock.instant();
            this.gapSeconds = Duration.between(clock.instant(), end).toSeconds() / Math.max(1, total);
        }

        String one(int i) {
            GridView grid = gridList.get(random.nextInt(gridList.size()));
            CatalogItemView item = items.get(random.nextInt(items.size()));
            // one report in each equal slice of the year, up to the present, so that every month (and most days)
            // has its reports; each incident's steps run on from its report
            Instant reportedAt = officeTime(start.plusSeconds((long) (gapSeconds * (i + random.nextDouble()))));
            if (i >= total - Math.max(3, total / 100)) {
                // and the last few in the hours before the present: today's intake, some not yet accepted
                reportedAt = end.minus(Duration.ofMinutes(5 + random.nextInt(175)));
            }
            if (reportedAt.isAfter(end)) {
                reportedAt = end.minus(Duration.ofMinutes(1 + random.nextInt(600)));
            }
            clock.set(reportedAt);
            StaffPrincipal worker = user("gw" + grid.code()).orElseThrow();
            String channel = pick(
                    new String[] {"GRID_WORKER", "GRID_WORKER", "GRID_WORKER", "PATROL", "HOTLINE", "HOTLINE", "VISIT"
                    });
            StaffPrincipal reporter = channel.equals("GRID_WORKER") || channel.equals("PATROL")
                    ? worker
                    : user("vd" + grid.villageCode()).orElse(worker);
            if (!channel.equals("GRID_WORKER") && !channel.equals("PATROL") && reporter == worker) {
                channel = "GRID_WORKER";
            }
            IncidentView incident = at.report(
                            new ReportIncident(
                                    item.code(),
                                    Texts.report(item, grid, random),
                                    channel,
                                    null,
                                    null,
                                    Texts.address(grid, random),
                                    grid.code(),
                                    channel.equals("HOTLINE") || channel.equals("VISIT") ? Texts.name(random) : null,
                                    channel.equals("HOTLINE") ? Texts.phone(random) : null,
                                    List.of()),
                            null,
                            reporter)
                    .incident();
            UUID id = incident.id();
            current = id;
            centre = dispatcherOf(incident.owner().id());

            if (random.nextInt(100) < 3) {
                within(0.1, 0.6);
                at.reject(id, plain("经核实不属于受理范围，已告知反映人通过司法途径解决"), centre);
                return "rejected";
            }
            if (random.nextInt(100) < 2) {
                within(0.05, 0.3);
                IncidentView duplicate = at.report(
                                new ReportIncident(
                                        item.code(),
                                        "同一问题再次反映：" + incident.text(),
                                        "GRID_WORKER",
                                        null,
                                        null,
                                        incident.address(),
                                        grid.code(),
                                        null,
                                        null,
                                        List.of()),
                                null,
                                worker)
                        .incident();
                within(0.05, 0.3);
                at.merge(duplicate.id(), new IncidentCommand.Merge(id, "与已登记事件重复，合并处理", List.of()), centre);
            }
            boolean small = item.level() == HandlingLevel.GRID || item.level() == HandlingLevel.VILLAGE;
            if (small && !item.emergency() && reporter == worker && random.nextInt(100) < 60) {
                within(0.1, 0.8);
                at.resolve(id, evidence("网格员现场劝导处置，问题已解决", worker), worker);
                evaluate(id, worker, false);
                return "resolved in the grid";
            }
            within(0.05, 0.4);
            at.accept(id, plain("已受理"), centre);
            incident = at.find(id, admin).orElseThrow();
            if (random.nextInt(100) < 8 && incident.owner().level().equals(RegionLevel.VILLAGE.name())) {
                within(0.1, 0.5);
                incident = at.escalate(id, new IncidentCommand.Escalate(null, "本级无法解决，提请上级协调", List.of()), centre);
                centre = dispatcherOf(incident.owner().id());
            }
            boolean troubled = handle(id, item, worker);
            String satisfaction = evaluate(id, worker, troubled);
            if ("DISSATISFIED".equals(satisfaction)) {
                if (random.nextBoolean()) {
                    // 不满意 with nothing more the rules allow (诉求超出政策): explained to the resident, and it stands
                    return "closed, unsatisfied";
                }
                after(60, 600);
                at.reopen(id, plain("群众不满意，重新办理"), centre);
                handle(id, item, worker);
                evaluate(id, worker, true);
                return "reopened";
            }
            return troubled ? "closed late or after rework" : "closed";
        }

        /**
         * Dispatch, sign, handle and verify, each stage done within its time limit but for the department's share
         * of late work; returns whether it went wrong on the way (a stage ran late, or the work was sent back).
         */
        private boolean handle(UUID id, CatalogItemView item, StaffPrincipal worker) {
            String lead = item.departmentCodes().get(0);
            Pace pace = Pace.of(lead);
            boolean late = random.nextInt(1000) < CENTRE_LATE_PER_MILLE;
            finish(late);
            int mode = random.nextInt(100);
            IncidentView dispatched;
            if (item.jointAllowed() && item.departmentCodes().size() > 1 && mode < 80) {
                dispatched = at.dispatch(
                        id,
                        new IncidentCommand.Dispatch(
                                "JOINT",
                                lead,
                                item.departmentCodes()
                                        .subList(1, item.departmentCodes().size()),
                                null,
                                null,
                                "吹哨报到，请各部门按职责联合处置",
                                List.of()),
                        centre);
            } else if (mode < 45) {
                dispatched = at.dispatch(
                        id,
                        new IncidentCommand.Dispatch(
                                "DUAL", lead, List.of(), worker.userId(), null, "双派单：部门处置，网格员现场督查", List.of()),
                        centre);
            } else {
                dispatched = at.dispatch(
                        id,
                        new IncidentCommand.Dispatch("SINGLE", lead, List.of(), null, null, "请按职责处置", List.of()),
                        centre);
            }
            StaffPrincipal handler = handlerOf(dispatched.handling().lead().id());
            within(0.02, 0.15);
            at.sign(id, plain("已签收"), handler);
            for (IncidentView.AssistView assist : dispatched.handling().assisting()) {
                StaffPrincipal helper = handlerOf(assist.department().id());
                within(0.02, 0.1);
                at.reportIn(id, plain("已报到"), helper);
                within(0.1, 0.5);
                at.recordPart(id, plain("已按职责完成本部门处置部分"), helper);
            }
            if (random.nextInt(100) < 5) {
                within(0.2, 0.6);
                at.requestExtension(id, new IncidentCommand.RequestExtension(16, "需协调第三方施工，申请延期", List.of()), handler);
                after(30, 240);
                at.decideExtension(id, new IncidentCommand.DecideExtension(true, "同意延期", List.of()), centre);
            }
            if (random.nextInt(100) < 3) {
                within(0.3, 0.7);
                at.urge(id, plain("请加快办理进度"), leader);
            }
            boolean slow = random.nextInt(1000) < pace.latePerMille;
            finish(slow);
            at.complete(id, evidence(Texts.result(item, random), handler), handler);
            boolean dual = "DUAL".equals(dispatched.handling().mode());
            boolean rework = random.nextInt(1000) < pace.reworkPerMille;
            if (rework) {
                within(0.1, 0.8);
                at.verify(
                        id, new IncidentCommand.Verify(false, "现场核查问题仍未彻底解决，退回返工", List.of()), dual ? worker : centre);
                boolean slowAgain = random.nextInt(1000) < pace.latePerMille;
                finish(slowAgain);
                slow |= slowAgain;
                at.complete(id, evidence("返工完成，问题已彻底解决", handler), handler);
            }
            boolean lateCheck = random.nextInt(1000) < VERIFIER_LATE_PER_MILLE;
            finish(lateCheck);
            // the centre is the one that owns it now: an overdue stage may have escalated the incident meanwhile
            at.verify(id, new IncidentCommand.Verify(true, "现场核查属实，予以结案", List.of()), dual ? worker : centre);
            return late || slow || rework || lateCheck;
        }

        /** The reporter's rating 回访评价; less kind where the work ran late or was sent back. */
        private String evaluate(UUID id, StaffPrincipal worker, boolean troubled) {
            int r = random.nextInt(100);
            String satisfaction = troubled
                    ? (r < 50 ? "SATISFIED" : r < 75 ? "BASICALLY_SATISFIED" : "DISSATISFIED")
                    : (r < 76 ? "SATISFIED" : r < 93 ? "BASICALLY_SATISFIED" : "DISSATISFIED");
            after(60, 60 * 24 * 2);
            IncidentView now = at.find(id, admin).orElseThrow();
            StaffPrincipal who =
                    now.reporterUserId() != null && now.reporterUserId() == worker.userId() ? worker : centre;
            at.evaluate(
                    id,
                    new IncidentCommand.Evaluate(
                            satisfaction,
                            switch (satisfaction) {
                                case "DISSATISFIED" -> "处理结果与诉求不符";
                                case "BASICALLY_SATISFIED" -> "问题基本解决，办理稍慢";
                                default -> "回访满意";
                            },
                            List.of()),
                    who);
            return satisfaction;
        }

        /** Moves the clock a share of the way to the running stage's deadline: of the time left, {@code from}–{@code to}. */
        private void within(double from, double to) {
            IncidentView.StageView stage = stage();
            long left = Math.max(
                    0, Duration.between(clock.instant(), stage.deadline()).toMinutes());
            int minutes = (int) Math.max(5, left * (from + (to - from) * random.nextDouble()));
            moveTo(clock.instant().plus(Duration.ofMinutes(minutes)), stage.deadline(), false);
        }

        /**
         * Moves the clock to when the running stage's work is done: before its deadline, or, when {@code late}, after
         * it by up to the stage's whole time once more.
         */
        private void finish(boolean late) {
            IncidentView.StageView stage = stage();
            long left = Math.max(
                    0, Duration.between(clock.instant(), stage.deadline()).toMinutes());
            long whole = Math.max(
                    30, Duration.between(stage.startedAt(), stage.deadline()).toMinutes());
            int minutes = late
                    ? (int) (left + 30 + whole * random.nextDouble())
                    : (int) Math.max(5, left * (0.2 + 0.7 * random.nextDouble()));
            moveTo(clock.instant().plus(Duration.ofMinutes(minutes)), stage.deadline(), late);
        }

        /**
         * Moves the clock to {@code target}, or to the next office hours after it; but work due within the time
         * limit is done in time, after hours if need be (值班), as emergencies counted in natural hours are.
         */
        private void moveTo(Instant target, Instant deadline, boolean late) {
            Instant next = officeTime(target);
            go(!late && next.isAfter(deadline) && !target.isAfter(deadline) ? target : next);
        }

        private IncidentView.StageView stage() {
            return at.find(current, admin).orElseThrow().stage();
        }

        /** Moves the clock forward by a random time within office hours; stops the replay at the present. */
        private void after(int minMinutes, int maxMinutes) {
            go(officeTime(clock.instant()
                    .plus(Duration.ofMinutes(minMinutes + random.nextInt(Math.max(1, maxMinutes - minMinutes))))));
        }

        /** Moves the clock to {@code next}, past what the deadline scan records meanwhile; stops at the present. */
        private void go(Instant next) {
            overdueUntil(next.isAfter(end) ? end : next);
            if (next.isAfter(end)) {
                throw new Stop();
            }
            clock.set(next);
        }

        /**
         * What the minute-by-minute deadline scan records for the incident being replayed until {@code until}: its
         * running stage overdue, and an escalation where the item says so, after which its new centre acts.
         */
        private void overdueUntil(Instant until) {
            Optional<Instant> marked = overdue.catchUp(current, until);
            if (marked.isPresent()) {
                clock.set(marked.get());
                centre = dispatcherOf(
                        at.find(current, admin).orElseThrow().owner().id());
            }
        }

        private IncidentCommand.Plain plain(String comment) {
            return new IncidentCommand.Plain(comment, List.of());
        }

        /** The action's text with a photo of the site, uploaded by whoever acts, as the evidence 佐证材料. */
        private IncidentCommand.Plain evidence(String comment, StaffPrincipal by) {
            return new IncidentCommand.Plain(
                    comment, List.of(at.upload(photo(), by).id()));
        }

        private byte[] photo() {
            if (photo == null) {
                BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
                image.setRGB(1, 1, 0x2f7d5b);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    ImageIO.write(image, "png", out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                photo = out.toByteArray();
            }
            return photo;
        }

        private String pick(String[] options) {
            return options[random.nextInt(options.length)];
        }

        private Optional<StaffPrincipal> user(String username) {
            return byUsername.computeIfAbsent(
                    username, u -> staff.findByUsername(u).flatMap(v -> staff.principal(v.id())));
        }

        private StaffPrincipal dispatcherOf(long orgId) {
            return first(orgId, Role.CENTRE_DISPATCHER);
        }

        private StaffPrincipal handlerOf(long orgId) {
            return first(orgId, Role.DEPARTMENT_HANDLER);
        }

        private StaffPrincipal first(long orgId, Role role) {
            return byOrg.computeIfAbsent(
                            orgId,
                            o -> staff.list(admin, o, role, null, 0, 1).items().stream()
                                    .findFirst()
                                    .flatMap(v -> staff.principal(v.id())))
                    .orElseThrow(Stop::new);
        }
    }

    /** Office hours on a working day, most of the time; some reports come in the evening or at the weekend. */
    private static Instant officeTime(Instant t) {
        ZonedDateTime local = t.atZone(LOCAL);
        int minute = local.getHour() * 60 + local.getMinute();
        if (minute < 8 * 60 + 30) {
            local = local.withHour(8).withMinute(30 + minute % 60 / 2);
        } else if (minute > 17 * 60 + 30) {
            local = local.plusDays(1).withHour(8).withMinute(30 + minute % 30);
        }
        if (local.getDayOfWeek() == DayOfWeek.SUNDAY) {
            local = local.plusDays(1);
        }
        return local.toInstant();
    }
}
