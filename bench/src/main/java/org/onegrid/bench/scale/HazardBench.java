package org.onegrid.bench.scale;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.onegrid.hazard.Hazards;
import org.onegrid.hazard.OrderPlan;
import org.onegrid.hazard.PlanView;
import org.onegrid.hazard.Screening;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Zibo's scale of 双重预防: 88,000 organisations (plain rows over every grid of the demo city, a tenth of them 危化品企业),
 * 354,000 hazards over three years in every state and grade, and ten years of monthly screening tasks of the 危化品企业
 * (about a million). Measures, in-process, the hazard ledger's page with every filter (p50, p95, max over 30 rounds),
 * one period's task generation for a plan over all 88,000 organisations of the city, and a 100,000-row XLSX export
 * with the heap it needed.
 */
final class HazardBench {

    private final ConfigurableApplicationContext app;
    private final JdbcTemplate jdbc;

    HazardBench(ConfigurableApplicationContext app) {
        this.app = app;
        this.jdbc = app.getBean(JdbcTemplate.class);
    }

    void ensure(long organisations, long hazards) {
        Long have = jdbc.queryForObject("SELECT count(*) FROM hazard", Long.class);
        if (have != null && have >= hazards) {
            System.out.printf("Reusing %,d hazards%n", have);
            return;
        }
        long started = System.nanoTime();
        jdbc.execute("DROP TABLE IF EXISTS bench_grid");
        jdbc.execute("""
                CREATE TABLE bench_grid AS
                SELECT row_number() OVER (ORDER BY g.code) - 1 AS n, g.code, g.village_code, r.path,
                       split_part(r.path, '/', 3) AS county, split_part(r.path, '/', 4) AS town
                  FROM grid g JOIN region r ON r.code = g.village_code
                """);
        long grids = jdbc.queryForObject("SELECT count(*) FROM bench_grid", Long.class);
        jdbc.update("""
                INSERT INTO registry_address (county_code, town_code, village_code, road, number, lng, lat, grid_code, region_path)
                SELECT g.county, g.town, g.village_code, '工业路', i || '号', 118.3 + (i % 1000) * 0.0008, 37.2 + (i / 1000) * 0.008,
                       g.code, g.path
                  FROM generate_series(1, ?) i JOIN bench_grid g ON g.n = i % ?
                """, organisations, grids);
        jdbc.update("""
                INSERT INTO registry_organisation (kind, name, credit_code, industry, address_id, grid_code, region_path)
                SELECT 'ENTERPRISE', '企业' || a.id, 'BENCH' || lpad(a.id::text, 13, '0'), '制造业', a.id, a.grid_code, a.region_path
                  FROM registry_address a WHERE a.road = '工业路'
                """);
        jdbc.update("""
                INSERT INTO registry_organisation_tag (organisation_id, tag)
                SELECT id, CASE WHEN id % 10 = 0 THEN 'HAZARDOUS_CHEMICALS' WHEN id % 10 < 4 THEN 'NINE_SMALL' ELSE 'CONSTRUCTION_SITE' END
                  FROM registry_organisation WHERE credit_code LIKE 'BENCH%'
                """);
        System.out.printf(
                "Generated %,d organisations in %.0f s%n", organisations, (System.nanoTime() - started) / 1e9);

        long t = System.nanoTime();
        UUID plan = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO hazard_plan (id, name, ordered_by_org_id, ordered_by_name, ordered_by_path, scope_path, target_kind,
                    target_tag, frequency, starts_on, checklist, owner, created_by, generated_through)
                VALUES (?, '危化品企业月度排查（十年）', 1, '市应急管理局', '/3705/', '/3705/', 'ORGANISATIONS', 'HAZARDOUS_CHEMICALS',
                    'monthly', current_date - 3650, '[{"code":"1","text":"储罐监测","evidence":"PHOTO","failGrade":"MAJOR"}]',
                    'TOWN', 1, date_trunc('month', current_date)::date - 1)
                """, plan);
        jdbc.update("""
                INSERT INTO hazard_task (id, plan_id, period_key, period_label, target_key, target_org_id, target_name, grid_code,
                    region_path, lng, lat, owner, owner_path, opens_on, due_on, status, done_at, late, findings)
                SELECT gen_random_uuid(), ?, to_char(m, 'YYYY-MM'), to_char(m, 'YYYY年FMMM月'), 'o:' || o.id, o.id, o.name,
                       o.grid_code, o.region_path, 118.5, 37.4, 'TOWN', substring(o.region_path FROM '^(/[^/]+/[^/]+/[^/]+/)'),
                       m::date, (m + interval '1 month - 1 day')::date,
                       CASE WHEN (o.id + extract(month FROM m)::int) % 20 = 0 THEN 'OPEN' ELSE 'DONE' END,
                       CASE WHEN (o.id + extract(month FROM m)::int) % 20 = 0 THEN NULL ELSE m + interval '10 days' END,
                       (o.id + extract(month FROM m)::int) % 9 = 0,
                       CASE WHEN (o.id + extract(month FROM m)::int) % 3 = 0 AND o.id % 7 = 0 THEN 1 ELSE 0 END
                  FROM registry_organisation o
                  JOIN registry_organisation_tag tg ON tg.organisation_id = o.id AND tg.tag = 'HAZARDOUS_CHEMICALS'
                 CROSS JOIN generate_series(date_trunc('month', current_date) - interval '119 months', date_trunc('month', current_date) - interval '1 month', interval '1 month') m
                """, plan);
        System.out.printf(
                "Generated %,d tasks (ten years) in %.0f s%n",
                jdbc.queryForObject("SELECT count(*) FROM hazard_task", Long.class), (System.nanoTime() - t) / 1e9);

        t = System.nanoTime();
        jdbc.update("""
                INSERT INTO hazard (id, source, description, grade, grid_code, region_path, lng, lat, place_name, found_at,
                    found_by_org_id, found_by_name, unit_kind, unit_id, unit_name, status, issuer_org_id, issuer_name, issuer_path,
                    requirements, deadline_day, deadline, yellow_at, noticed_at, rectified_at, rectified_on_time,
                    supervision_level, overdue_marked, ever_overdue, closed_at)
                SELECT gen_random_uuid(), 'TASK', '检查发现的隐患 ' || i, CASE WHEN i % 50 = 0 THEN 'MAJOR' ELSE 'GENERAL' END,
                       o.grid_code, o.region_path, 118.3 + (i % 997) * 0.0009, 37.2 + (i % 991) * 0.0008, o.name, f,
                       1, '镇综治中心', 'ORGANISATION', o.id, o.name, s, 1, '县应急管理局', substring(o.region_path FROM '^(/[^/]+/[^/]+/)'),
                       CASE WHEN s = 'FOUND' THEN NULL ELSE '限期整改' END,
                       CASE WHEN s = 'FOUND' THEN NULL ELSE (f + interval '30 days')::date END,
                       CASE WHEN s = 'FOUND' THEN NULL ELSE f + interval '31 days' END,
                       CASE WHEN s = 'FOUND' THEN NULL ELSE f + interval '25 days' END,
                       CASE WHEN s = 'FOUND' THEN NULL ELSE f + interval '1 day' END,
                       CASE WHEN s IN ('RECTIFIED', 'ACCEPTED', 'CLOSED') THEN f + interval '20 days' END,
                       CASE WHEN s IN ('RECTIFIED', 'ACCEPTED', 'CLOSED') THEN i % 8 <> 0 END,
                       CASE WHEN s = 'RECTIFYING' AND i % 7 = 0 THEN 1 ELSE 0 END, FALSE, FALSE,
                       CASE WHEN s = 'CLOSED' THEN f + interval '25 days' END
                  FROM generate_series(1, ?) i
                 CROSS JOIN LATERAL (SELECT now() - make_interval(days => (i % 1095)::int) AS f,
                        CASE WHEN i % 1095 < 30 THEN (ARRAY['FOUND','RECTIFYING','RECTIFYING','RECTIFIED','ACCEPTED'])[1 + i % 5]
                             WHEN i % 23 = 0 THEN 'RECTIFYING' ELSE 'CLOSED' END AS s) x
                  JOIN registry_organisation o ON o.id = (SELECT min(id) FROM registry_organisation) + (i * 7919) % ?
                """, hazards, organisations);
        jdbc.execute("ANALYZE");
        System.out.printf("Generated %,d hazards in %.0f s%n", hazards, (System.nanoTime() - t) / 1e9);
    }

    void run() throws IOException {
        Hazards hazards = app.getBean(Hazards.class);
        Screening screening = app.getBean(Screening.class);
        Regions regions = app.getBean(Regions.class);
        Staff staff = app.getBean(Staff.class);
        StaffPrincipal leader = principal(staff, "leader");
        RegionView county = regions.byLevel(RegionLevel.COUNTY).get(0);
        RegionView town = regions.children(county.code()).get(0);
        Long unit = jdbc.queryForObject(
                "SELECT unit_id FROM hazard GROUP BY unit_id ORDER BY count(*) DESC LIMIT 1", Long.class);
        LocalDate today = LocalDate.now();
        record Case(String name, Hazards.LedgerQuery q) {}
        List<Case> cases = List.of(
                new Case("city, no filter", new Hazards.LedgerQuery(null, null, null, null, null, null, false, false)),
                new Case(
                        "city, 整改中", new Hazards.LedgerQuery(null, null, null, "RECTIFYING", null, null, false, false)),
                new Case("city, 重大", new Hazards.LedgerQuery(null, null, null, null, "MAJOR", null, false, false)),
                new Case(
                        "city, 重大 open",
                        new Hazards.LedgerQuery(null, null, null, "RECTIFYING", "MAJOR", null, false, false)),
                new Case("city, overdue", new Hazards.LedgerQuery(null, null, null, null, null, null, true, false)),
                new Case("city, supervised", new Hazards.LedgerQuery(null, null, null, null, null, null, false, true)),
                new Case("city, one unit", new Hazards.LedgerQuery(null, null, null, null, null, unit, false, false)),
                new Case(
                        "city, this month",
                        new Hazards.LedgerQuery(null, today.withDayOfMonth(1), today, null, null, null, false, false)),
                new Case(
                        "city, 已销号 last year",
                        new Hazards.LedgerQuery(null, today.minusYears(1), today, "CLOSED", null, null, false, false)),
                new Case(
                        "county, no filter",
                        new Hazards.LedgerQuery(county.code(), null, null, null, null, null, false, false)),
                new Case(
                        "county, 重大 overdue",
                        new Hazards.LedgerQuery(county.code(), null, null, null, "MAJOR", null, true, false)),
                new Case(
                        "town, 整改中",
                        new Hazards.LedgerQuery(town.code(), null, null, "RECTIFYING", null, null, false, false)),
                new Case(
                        "town, page 20",
                        new Hazards.LedgerQuery(town.code(), null, null, null, null, null, false, false)));
        for (Case c : cases) {
            int page = c.name().contains("page 20") ? 20 : 0;
            for (int i = 0; i < 3; i++) {
                hazards.ledger(c.q(), page, leader);
            }
            List<Double> ms = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < 30; i++) {
                long t = System.nanoTime();
                total = hazards.ledger(c.q(), page, leader).total();
                ms.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(ms);
            System.out.printf(
                    "ledger %-26s %,9d rows  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n",
                    c.name(), total, ms.get(15), ms.get(28), ms.get(29));
        }
        long t = System.nanoTime();
        hazards.figures(null, today.withDayOfYear(1), today, leader);
        System.out.printf("figures, city, this year: %.0f ms%n", (System.nanoTime() - t) / 1e6);

        // one period's generation over every organisation of the city (a plan of the 九小场所 and one of the 在建工地)
        StaffPrincipal city = principal(staff, "city.dispatcher");
        for (String tag : List.of("NINE_SMALL", "CONSTRUCTION_SITE")) {
            t = System.nanoTime();
            PlanView plan = screening.orderPlan(
                    new OrderPlan(
                            "全市" + tag + "月度排查",
                            null,
                            "ORGANISATIONS",
                            tag,
                            "monthly",
                            today,
                            null,
                            List.of(new OrderPlan.Item("1", "消防通道畅通", "NONE", "GENERAL")),
                            "TOWN"),
                    city);
            double first = (System.nanoTime() - t) / 1e9;
            long n = jdbc.queryForObject("SELECT count(*) FROM hazard_task WHERE plan_id = ?", Long.class, plan.id());
            jdbc.update("UPDATE hazard_plan SET generated_through = NULL WHERE id = ?", plan.id());
            long again = System.nanoTime();
            int made = screening.generate(plan.id());
            System.out.printf(
                    "generation of one period, %s: %,d tasks in %.1f s (ordering included); run again: %d new in %.1f s%n",
                    tag, n, first, made, (System.nanoTime() - again) / 1e9);
        }

        // the export: about 100,000 rows (the hazards closed in the last 325 days), streamed to nowhere
        System.gc();
        resetPeaks();
        long before = heapUsed();
        t = System.nanoTime();
        long[] bytes = {0};
        long rows = hazards.export(
                new Hazards.LedgerQuery(null, today.minusDays(325), today, "CLOSED", null, null, false, false),
                leader,
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        bytes[0]++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes[0] += len;
                    }
                });
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf(
                "export: %,d rows, %,d bytes of XLSX in %.1f s; heap peak above the start %,d MB (of %,d MB max)%n",
                rows,
                bytes[0],
                seconds,
                (peakHeap() - before) / 1_000_000,
                Runtime.getRuntime().maxMemory() / 1_000_000);
    }

    private static StaffPrincipal principal(Staff staff, String username) {
        return staff.principal(staff.findByUsername(username).orElseThrow().id())
                .orElseThrow();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
