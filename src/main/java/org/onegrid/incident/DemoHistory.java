package org.onegrid.incident;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.catalog.HandlingLevel;
import org.onegrid.incident.domain.ActionRefused;
import org.onegrid.incident.notification.Notifications;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.Regions;
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
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private final IncidentApi api;
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

    /** A clock the replay moves forward, action by action. */
    static final class ReplayClock extends Clock {
        private volatile Instant now;

        ReplayClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
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
        Replay replay = new Replay(api.withClock(clock), clock, end, new Random(20261123));
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
        private Instant cursor;
        private final long gapSeconds;

        Replay(IncidentApi at, ReplayClock clock, Instant end, Random random) {
            this.at = at;
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
            this.cursor = clock.instant();
            this.gapSeconds = Duration.between(clock.instant(), end).toSeconds() / Math.max(1, count);
        }

        String one(int i) {
            GridView grid = gridList.get(random.nextInt(gridList.size()));
            CatalogItemView item = items.get(random.nextInt(items.size()));
            // reports follow each other evenly through the year; each incident's steps run on from its report
            cursor = cursor.plusSeconds((long) (gapSeconds * 2 * random.nextDouble()));
            Instant reportedAt = officeTime(cursor);
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
            StaffPrincipal centre = dispatcherOf(incident.owner().id());

            if (random.nextInt(100) < 3) {
                after(20, 120);
                at.reject(id, plain("经核实不属于受理范围，已告知反映人通过司法途径解决"), centre);
                return "rejected";
            }
            if (random.nextInt(100) < 2) {
                after(30, 90);
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
                after(10, 60);
                at.merge(duplicate.id(), new IncidentCommand.Merge(id, "与已登记事件重复，合并处理", List.of()), centre);
            }
            boolean small = item.level() == HandlingLevel.GRID || item.level() == HandlingLevel.VILLAGE;
            if (small && !item.emergency() && reporter == worker && random.nextInt(100) < 60) {
                after(20, 240);
                at.resolve(id, evidence("网格员现场劝导处置，问题已解决", worker), worker);
                evaluate(id, worker, centre);
                return "resolved in the grid";
            }
            after(10, 150);
            at.accept(id, plain("已受理"), centre);
            if (random.nextInt(100) < 8 && incident.owner().level().equals(RegionLevel.VILLAGE.name())) {
                after(30, 240);
                incident = at.escalate(id, new IncidentCommand.Escalate(null, "本级无法解决，提请上级协调", List.of()), centre);
                centre = dispatcherOf(incident.owner().id());
            }
            boolean rework = handle(id, incident, item, grid, worker, centre);
            String satisfaction = evaluate(id, worker, centre);
            if ("DISSATISFIED".equals(satisfaction)) {
                after(60, 600);
                at.reopen(id, plain("群众不满意，重新办理"), centre);
                handle(id, at.find(id, admin).orElseThrow(), item, grid, worker, centre);
                evaluate(id, worker, centre);
                return "reopened";
            }
            return rework ? "closed after rework" : "closed";
        }

        /** Dispatch, sign, handle and verify; returns whether the work was sent back once. */
        private boolean handle(
                UUID id,
                IncidentView incident,
                CatalogItemView item,
                GridView grid,
                StaffPrincipal worker,
                StaffPrincipal centre) {
            after(5, 90);
            String lead = item.departmentCodes().get(0);
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
            after(30, 480);
            at.sign(id, plain("已签收"), handler);
            for (IncidentView.AssistView assist : dispatched.handling().assisting()) {
                StaffPrincipal helper = handlerOf(assist.department().id());
                after(30, 240);
                at.reportIn(id, plain("已报到"), helper);
                after(60, 600);
                at.recordPart(id, plain("已按职责完成本部门处置部分"), helper);
            }
            if (random.nextInt(100) < 5) {
                after(60, 600);
                at.requestExtension(id, new IncidentCommand.RequestExtension(16, "需协调第三方施工，申请延期", List.of()), handler);
                after(30, 240);
                at.decideExtension(id, new IncidentCommand.DecideExtension(true, "同意延期", List.of()), centre);
            }
            if (random.nextInt(100) < 3) {
                after(60, 600);
                at.urge(id, plain("请加快办理进度"), leader);
            }
            // most finish within the limit; some run late, which the overdue scan has recorded by then
            after(120, random.nextInt(100) < 10 ? 60 * 24 * 12 : 60 * 24 * 3);
            at.complete(id, evidence(Texts.result(item, random), handler), handler);
            StaffPrincipal verifier = "DUAL".equals(dispatched.handling().mode()) ? worker : centre;
            boolean rework = random.nextInt(100) < 7;
            if (rework) {
                after(60, 600);
                at.verify(id, new IncidentCommand.Verify(false, "现场核查问题仍未彻底解决，退回返工", List.of()), verifier);
                after(240, 60 * 24 * 2);
                at.complete(id, evidence("返工完成，问题已彻底解决", handler), handler);
            }
            after(60, 60 * 24);
            at.verify(id, new IncidentCommand.Verify(true, "现场核查属实，予以结案", List.of()), verifier);
            return rework;
        }

        private String evaluate(UUID id, StaffPrincipal worker, StaffPrincipal centre) {
            int r = random.nextInt(100);
            String satisfaction = r < 84 ? "SATISFIED" : r < 96 ? "BASICALLY_SATISFIED" : "DISSATISFIED";
            after(60, 60 * 24 * 2);
            IncidentView now = at.find(id, admin).orElseThrow();
            StaffPrincipal who =
                    now.reporterUserId() != null && now.reporterUserId() == worker.userId() ? worker : centre;
            at.evaluate(
                    id,
                    new IncidentCommand.Evaluate(
                            satisfaction, "DISSATISFIED".equals(satisfaction) ? "处理结果与诉求不符" : "回访满意", List.of()),
                    who);
            return satisfaction;
        }

        /** Moves the clock forward by a random time within office hours; stops the replay at the present. */
        private void after(int minMinutes, int maxMinutes) {
            Instant next = officeTime(clock.instant()
                    .plus(Duration.ofMinutes(minMinutes + random.nextInt(Math.max(1, maxMinutes - minMinutes)))));
            if (next.isAfter(end)) {
                throw new Stop();
            }
            clock.set(next);
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
