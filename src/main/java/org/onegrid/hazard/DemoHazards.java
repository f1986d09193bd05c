package org.onegrid.hazard;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.onegrid.casework.notify.Notifications;
import org.onegrid.hazard.domain.Refused;
import org.onegrid.hazard.persistence.TaskRows;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.registry.RegistryQueries;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.demo.ReplayClock;
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
 * The demo city's year of screening, through the same actions people take: plans at every level over the town whose
 * registry is loaded (the city's quarterly 危化品企业 screening by the counties, the county's monthly 九小场所 screening by
 * the towns, the town's half-monthly 出租房屋 screening by the villages, a village's grids every ten days by their
 * workers), each period's tasks generated as the year is replayed day by day, most of them done at the place — some
 * late, some missed —, the failures becoming hazards that are notified, rectified, accepted and closed, or overdue
 * and put under 挂牌督办; and a task ledger of key projects modelled on Weihai's 22, reported monthly and evaluated
 * each quarter. Runs once, after the demo registry.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "onegrid.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoHazards implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHazards.class);
    private static final ZoneId CITY = CityTime.ZONE;

    private final Screening screening;
    private final Hazards hazards;
    private final LedgerTasks ledgerTasks;
    private final TaskRows tasks;
    private final RegistryQueries registry;
    private final Regions regions;
    private final Staff staff;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Notifications notifications;
    private final String town;
    private final int days;
    private final boolean background;

    DemoHazards(
            Screening screening,
            Hazards hazards,
            LedgerTasks ledgerTasks,
            TaskRows tasks,
            RegistryQueries registry,
            Regions regions,
            Staff staff,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Notifications notifications,
            @Value("${onegrid.demo.registry.town:370523101}") String town,
            @Value("${onegrid.demo.hazards.days:365}") int days,
            @Value("${onegrid.demo.registry.in-background:true}") boolean background) {
        this.screening = screening;
        this.hazards = hazards;
        this.ledgerTasks = ledgerTasks;
        this.tasks = tasks;
        this.registry = registry;
        this.regions = regions;
        this.staff = staff;
        this.jdbc = jdbc;
        this.tx = tx;
        this.notifications = notifications;
        this.town = town;
        this.days = days;
        this.background = background;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (days <= 0
                || jdbc.sql("SELECT EXISTS (SELECT 1 FROM hazard_plan)")
                        .query(Boolean.class)
                        .single()) {
            return;
        }
        if (background) {
            Thread worker = new Thread(this::waitAndGenerate, "demo-hazards");
            worker.setDaemon(true);
            worker.start();
        } else {
            generateSafely();
        }
    }

    /** The demo is an extra: if it cannot be replayed, the application still starts and says why. */
    private void generateSafely() {
        try {
            generate();
        } catch (RuntimeException e) {
            log.warn("Demo hazards stopped: {}", e.toString(), e);
        }
    }

    /** The registry loads in the background too: wait for its organisations (ten minutes at most). */
    private void waitAndGenerate() {
        Instant until = Instant.now().plus(Duration.ofMinutes(10));
        RegionView t = regions.find(town).orElse(null);
        while (t != null
                && Instant.now().isBefore(until)
                && registry.placesTagged(OrganisationTag.NINE_SMALL, t.path()).isEmpty()) {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        generateSafely();
    }

    void generate() {
        long started = System.nanoTime();
        RegionView t = regions.find(town).orElse(null);
        StaffPrincipal city = principal("city.dispatcher");
        StaffPrincipal townOfficer = principal("dawang.dispatcher");
        StaffPrincipal leader = principal("leader");
        if (t == null || city == null || townOfficer == null || leader == null) {
            log.warn("Demo hazards not generated: the demo town {} or its accounts are missing", town);
            return;
        }
        RegionView county = regions.find(CaseRecords.parentCode(t.path())).orElseThrow();
        StaffPrincipal bureau = principal("yingji." + county.code());
        List<RegionView> villages = regions.children(town).stream()
                .filter(r -> r.level() == RegionLevel.VILLAGE)
                .toList();
        StaffPrincipal village =
                villages.isEmpty() ? null : principal("vd" + villages.get(0).code());
        LocalDate today = LocalDate.now(CITY);
        LocalDate first = today.minusDays(days);
        ReplayClock clock = new ReplayClock(first.atTime(8, 0).atZone(CITY).toInstant());
        Screening s = screening.withClock(clock);
        Hazards h = hazards.withClock(clock);
        LedgerTasks l = ledgerTasks.withClock(clock);
        Random random = new Random(20261204L);

        List<UUID> plans = new ArrayList<>();
        plans.add(order(
                s,
                city,
                "全市危化品企业季度安全检查",
                county.code(),
                "HAZARDOUS_CHEMICALS",
                "每季度",
                "COUNTY",
                first,
                List.of(
                        new OrderPlan.Item("1", "储罐区液位、温度、压力监测在线并联网", "PHOTO", "MAJOR"),
                        new OrderPlan.Item("2", "特种作业人员持证上岗", "NOTE", "GENERAL"),
                        new OrderPlan.Item("3", "应急预案备案并按期演练", "NOTE", "GENERAL"))));
        if (bureau != null) {
            plans.add(order(
                    s,
                    bureau,
                    "九小场所月度消防安全排查",
                    t.code(),
                    "NINE_SMALL",
                    "每月",
                    "TOWN",
                    first,
                    List.of(
                            new OrderPlan.Item("1", "灭火器配置到位且在有效期内", "PHOTO", "GENERAL"),
                            new OrderPlan.Item("2", "安全出口、疏散通道畅通", "NONE", "GENERAL"),
                            new OrderPlan.Item("3", "无“三合一”住人现象", "NOTE", "MAJOR"))));
        }
        plans.add(order(
                s,
                townOfficer,
                "出租房屋半月安全排查",
                null,
                "RENTAL_HOUSING",
                "每半月",
                "VILLAGE",
                first,
                List.of(
                        new OrderPlan.Item("1", "电动自行车未在楼道、室内充电", "NONE", "GENERAL"),
                        new OrderPlan.Item("2", "燃气管道、灶具安全", "NONE", "GENERAL"))));
        if (village != null) {
            plans.add(order(
                    s,
                    village,
                    "网格安全隐患巡查",
                    null,
                    null,
                    "每10天",
                    "GRID_WORKER",
                    first,
                    List.of(
                            new OrderPlan.Item("1", "消防通道畅通，无占用堵塞", "NONE", "GENERAL"),
                            new OrderPlan.Item("2", "无私拉乱接电线", "NONE", "GENERAL"))));
        }
        plans.removeIf(java.util.Objects::isNull);
        List<UUID> pilots = keyProjects(l, clock, city, bureau, townOfficer, first);

        int done = 0;
        int found = 0;
        List<UUID> open = new ArrayList<>();
        for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
            clock.set(
                    day.atTime(LocalTime.of(9, random.nextInt(50))).atZone(CITY).toInstant());
            for (UUID plan : plans) {
                tx.executeWithoutResult(x -> s.generate(plan));
            }
            for (TaskRows.TaskRow r : tasks.dueOn(day)) {
                if (random.nextInt(100) < 7) {
                    continue; // missed
                }
                StaffPrincipal owner = ownerOf(r, townOfficer, bureau);
                if (owner == null) {
                    continue;
                }
                boolean fail = random.nextInt(100) < 9;
                List<CompleteTask.GivenAnswer> answers = new ArrayList<>();
                PlanView p = screening.plan(r.task().planId(), owner).orElse(null);
                if (p == null) {
                    continue;
                }
                for (PlanView.ItemView item : p.checklist()) {
                    boolean itemFails = fail
                            && item.code()
                                    .equals(p.checklist()
                                            .get(random.nextInt(p.checklist().size()))
                                            .code());
                    List<String> photos = item.evidence().startsWith("PHOTO")
                            ? List.of(h.upload(DemoPhoto.png(random), owner).toString())
                            : List.of();
                    answers.add(new CompleteTask.GivenAnswer(
                            item.code(),
                            itemFails ? "FAIL" : "PASS",
                            itemFails
                                    ? "现场发现：" + item.text() + "不符合要求"
                                    : item.evidence().contains("NOTE") ? "已核查" : null,
                            photos,
                            null,
                            null));
                }
                try {
                    TaskView v = tx.execute(x -> s.complete(
                            r.task().id(),
                            new CompleteTask(
                                    r.task().place() == null
                                            ? null
                                            : r.task().place().lng() + 0.0002,
                                    r.task().place() == null
                                            ? null
                                            : r.task().place().lat(),
                                    answers,
                                    null),
                            owner));
                    done++;
                    found += v.findings();
                    open.addAll(hazards.idsOfTask(r.task().id()));
                } catch (Refused | ErrorResponseException e) {
                    log.debug("Demo task {} not done: {}", r.task().id(), e.getMessage());
                }
            }
            for (UUID id : List.copyOf(open)) {
                if (advance(
                        h, clock, id, bureau == null ? townOfficer : bureau, townOfficer, city, random, day, today)) {
                    open.remove(id);
                }
            }
            if (day.getDayOfMonth() == 25) {
                for (UUID p : pilots) {
                    report(l, p, day, bureau, townOfficer, random);
                }
            }
            tx.executeWithoutResult(x -> h.scanOverdue());
            tx.executeWithoutResult(x -> l.urgeOverdue());
        }
        // nobody lived through the replayed days: their notices are read, today's wait for their readers
        notifications.markReadByEveryoneBefore(today.atStartOfDay(CITY).toInstant(), Instant.now());
        log.info(
                "Demo hazards: {} plans, {} tasks done, {} hazards found, {} key projects in {} s",
                plans.size(),
                done,
                found,
                pilots.size(),
                (System.nanoTime() - started) / 1_000_000_000);
    }

    /** Moves a hazard one step on, as its people would; true when it is settled for the demo (closed, or left open). */
    private boolean advance(
            Hazards h,
            ReplayClock clock,
            UUID id,
            StaffPrincipal issuer,
            StaffPrincipal town,
            StaffPrincipal city,
            Random random,
            LocalDate day,
            LocalDate today) {
        HazardView v = h.find(id, city).orElse(null);
        if (v == null) {
            return true;
        }
        try {
            switch (v.status()) {
                case "FOUND" -> {
                    if (random.nextInt(3) == 0) {
                        int limit = "MAJOR".equals(v.grade()) ? 30 : 7 + random.nextInt(8);
                        tx.execute(x -> h.issueNotice(
                                id,
                                new HazardCommands.IssueNotice(null, null, day.plusDays(limit), "按检查表要求限期整改到位", null),
                                issuer));
                    }
                }
                case "RECTIFYING" -> {
                    if ("MAJOR".equals(v.grade()) && v.measures() == null) {
                        tx.execute(x -> h.planMeasures(
                                id,
                                new HazardCommands.PlanMeasures(
                                        "落实整改措施",
                                        new BigDecimal(20_000 + random.nextInt(80_000)),
                                        v.deadline(),
                                        "企业负责人",
                                        "整改期间专人值守，备足应急物资",
                                        null),
                                issuer));
                    } else if (v.daysOverdue() > 3 && v.supervisionLevel() == 0) {
                        tx.execute(x -> h.supervise(
                                id, new HazardCommands.Supervise(day.plusDays(15), "逾期未整改，挂牌督办", null), city));
                    } else if (random.nextInt(100) < (v.daysOverdue() > 0 ? 8 : 12)) {
                        String photo = h.upload(DemoPhoto.png(random), town).toString();
                        tx.execute(x -> h.reportRectification(
                                id, new HazardCommands.ReportRectification("已按要求整改", List.of(photo), null), town));
                    }
                }
                case "RECTIFIED" -> {
                    boolean pass = random.nextInt(10) > 0;
                    tx.execute(x -> h.accept(
                            id,
                            new HazardCommands.Accept(pass, pass ? "现场核查合格" : "整改不彻底，退回", List.of(), null),
                            issuer));
                }
                case "ACCEPTED" -> tx.execute(x -> h.close(id, new HazardCommands.Close("整改完成，予以销号", null), issuer));
                default -> {
                    return true;
                }
            }
        } catch (Refused | ErrorResponseException e) {
            log.debug("Demo hazard {} stays: {}", id, e.getMessage());
        }
        return false;
    }

    private StaffPrincipal ownerOf(TaskRows.TaskRow r, StaffPrincipal town, StaffPrincipal bureau) {
        return switch (r.task().owner()) {
            case TOWN -> town;
            case COUNTY -> bureau;
            case VILLAGE -> principal("vd" + CaseRecords.codeOf(r.task().ownerPath()));
            case GRID_WORKER ->
                staff.gridStaff(r.task().gridCode()).stream()
                        .filter(a -> a.duty() == org.onegrid.staff.GridDuty.GRID_WORKER)
                        .map(a -> staff.principal(a.userId()).orElse(null))
                        .filter(p -> p != null)
                        .findFirst()
                        .orElse(null);
            case CITY -> null;
        };
    }

    private UUID order(
            Screening s,
            StaffPrincipal by,
            String name,
            String region,
            String tag,
            String frequency,
            String owner,
            LocalDate first,
            List<OrderPlan.Item> items) {
        if (by == null) {
            return null;
        }
        try {
            return tx.execute(x -> s.orderPlan(
                            new OrderPlan(
                                    name,
                                    region,
                                    tag == null ? "GRIDS" : "ORGANISATIONS",
                                    tag,
                                    frequency,
                                    first,
                                    null,
                                    items,
                                    owner),
                            by))
                    .id();
        } catch (Refused | ErrorResponseException e) {
            log.warn("Demo plan {} not ordered: {}", name, e.getMessage());
            return null;
        }
    }

    /** Key projects 重点项目 and pilot tasks in the manner of Weihai's 22: three milestones each over the year. */
    private List<UUID> keyProjects(
            LedgerTasks l,
            ReplayClock clock,
            StaffPrincipal city,
            StaffPrincipal bureau,
            StaffPrincipal town,
            LocalDate first) {
        List<UUID> ids = new ArrayList<>();
        if (bureau == null) {
            return ids;
        }
        String[] titles = {
            "市域社会治理现代化试点",
            "“网格+应急”融合试点",
            "危化品企业安全风险智能化管控平台",
            "九小场所消防安全专项整治",
            "农村自建房安全隐患排查整治",
            "城镇燃气安全专项整治",
            "电动自行车全链条安全整治",
            "“雪亮工程”视频联网扩面",
            "综治中心规范化建设",
            "矛盾纠纷多元化解中心建设",
            "网格员队伍专职化建设",
            "“一网统管”平台二期"
        };
        for (int i = 0; i < titles.length; i++) {
            int n = i;
            boolean pilot = i < 4;
            StaffPrincipal lead = i % 3 == 0 ? town : bureau;
            StaffPrincipal co = lead == town ? bureau : town;
            // ordered one after another, every one within the replayed days, never after today
            LocalDate start = first.plusDays(Math.min(i * 3L, Math.max(0, days - 1)));
            clock.set(start.atTime(10, 0).atZone(CITY).toInstant());
            try {
                ids.add(tx.execute(x -> l.order(
                                new LedgerTaskCommands.OrderTask(
                                        pilot ? "PILOT" : "KEY_PROJECT",
                                        titles[n],
                                        null,
                                        lead.orgId(),
                                        List.of(co.orgId()),
                                        List.of(
                                                new LedgerTaskCommands.Milestone("方案制定", start.plusDays(40)),
                                                new LedgerTaskCommands.Milestone("推进实施", start.plusDays(180 + n * 5L)),
                                                new LedgerTaskCommands.Milestone(
                                                        "验收总结", start.plusDays(300 + n * 10L)))),
                                city))
                        .id());
            } catch (Refused | ErrorResponseException e) {
                log.warn("Demo key project {} not ordered: {}", titles[i], e.getMessage());
            }
        }
        return ids;
    }

    private void report(
            LedgerTasks l, UUID id, LocalDate day, StaffPrincipal bureau, StaffPrincipal town, Random random) {
        LedgerTaskView v = l.find(id, principal("city.dispatcher")).orElse(null);
        if (v == null || v.closed()) {
            return;
        }
        StaffPrincipal lead = v.leadOrgId() == town.orgId() ? town : bureau;
        String month = java.time.YearMonth.from(day).toString();
        try {
            tx.execute(x -> l.report(id, new LedgerTaskCommands.Report(month, "按计划推进，本月完成阶段性工作", null), lead));
            for (LedgerTaskView.MilestoneView m : v.milestones()) {
                if (m.doneOn() == null && !day.isBefore(m.deadline().minusDays(20)) && random.nextInt(4) > 0) {
                    tx.execute(x -> l.completeMilestone(
                            id, new LedgerTaskCommands.CompleteMilestone(m.number(), "已完成并报送材料", null), lead));
                    break;
                }
            }
            if (day.getMonthValue() % 3 == 0) {
                String quarter = day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
                boolean met = v.overdueMilestones() == 0;
                tx.execute(x -> l.evaluate(
                        id,
                        new LedgerTaskCommands.Evaluate(quarter, met ? "MET" : "NOT_MET", met ? null : "节点逾期", null),
                        principal("city.dispatcher")));
            }
            LedgerTaskView now = l.find(id, principal("city.dispatcher")).orElseThrow();
            if (now.milestonesDone() == now.milestones().size()) {
                tx.execute(x ->
                        l.close(id, new LedgerTaskCommands.Close("任务完成，予以销号", null), principal("city.dispatcher")));
            }
        } catch (Refused | ErrorResponseException e) {
            log.debug("Demo key project {}: {}", id, e.getMessage());
        }
    }

    private StaffPrincipal principal(String username) {
        return staff.findByUsername(username)
                .flatMap(u -> staff.principal(u.id()))
                .orElse(null);
    }
}
