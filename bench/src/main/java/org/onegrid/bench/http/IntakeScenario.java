package org.onegrid.bench.http;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 事件登记 at a fixed rate: grid workers of a few hundred grids across the city report what they find, with the
 * place's coordinates (so every report is located in its grid and routed to its centre), an address, the reporter's
 * name and phone, and an {@code Idempotency-Key}; no photos. Afterwards every acknowledged report (201) must be in
 * the database under its key, with its incident.
 */
final class IntakeScenario {

    /** What grid workers report in a day: grid and village items of the demo catalog, with a typical text. */
    static final List<String[]> REPORTS = List.of(
            new String[] {"CSGL-008", "小区东侧垃圾桶满溢，垃圾散落路面，需尽快清运"},
            new String[] {"CSGL-002", "楼道口和绿化带旁堆放大量废旧家具和建材"},
            new String[] {"CSGL-009", "单元门和电线杆上贴满开锁、办证小广告"},
            new String[] {"MDJF-010", "临街商铺门口音响循环播放促销广告，噪音扰民"},
            new String[] {"AQYH-003", "3号楼楼道内电动车飞线充电，存在火灾隐患"},
            new String[] {"CSGL-011", "地铁口共享单车大量乱停放，占用盲道"},
            new String[] {"CSGL-001", "早市摊贩占用机动车道经营，影响通行"},
            new String[] {"CSGL-007", "主干道北段连续五盏路灯夜间不亮"},
            new String[] {"AQYH-002", "小区消防通道被私家车长期占用"},
            new String[] {"MDJF-001", "楼上住户卫生间漏水至楼下，双方协商未果"});

    private final HttpLoad.Settings settings;
    private final String run = "intake-" + Long.toString(System.currentTimeMillis(), 36);

    IntakeScenario(HttpLoad.Settings settings) {
        this.settings = settings;
    }

    boolean run() throws Exception {
        Platform platform = new Platform(settings.base());
        System.out.println("Intake over HTTP: " + settings);
        List<DemoPlaces.Place> places = DemoPlaces.sample(platform, "leader", "3705", settings.grids());
        platform.signIn(places.stream().map(DemoPlaces.Place::gridWorker).toList());

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        OpenLoad.Arrival report = i -> report(platform, places, i, acknowledged);
        OpenLoad load = new OpenLoad(settings.maxInFlight(), Duration.ofSeconds(5));
        long warmupCount = Math.round(settings.rate() * settings.warmup().toSeconds());
        if (warmupCount > 0) {
            HttpLoad.print(load.run("warm-up", settings.rate(), settings.warmup(), 0, report), "reports");
        }
        CpuMeter cpu = settings.cpu();
        CpuMeter.Reading before = cpu.read();
        OpenLoad.Outcome measured = load.run("intake", settings.rate(), settings.measured(), warmupCount, report);
        CpuMeter.Reading after = cpu.read();
        HttpLoad.print(measured, "reports");
        cpu.print(before, after, measured.succeeded(), "report");

        Check check = check(acknowledged);
        System.out.printf(
                Locale.ROOT,
                "check: %d reports acknowledged, %d found with their incident, %d missing, %d under another incident%n",
                acknowledged.size(),
                check.found(),
                check.missing(),
                check.different());
        boolean ok = check.missing() == 0 && check.different() == 0 && measured.failed() == 0;
        System.out.println(ok ? "PASS: every acknowledged report is stored" : "FAIL");
        return ok;
    }

    private CompletableFuture<Boolean> report(
            Platform platform, List<DemoPlaces.Place> places, long i, Map<String, String> acknowledged) {
        DemoPlaces.Place place = places.get((int) (i % places.size()));
        String[] what = REPORTS.get((int) ((i / places.size()) % REPORTS.size()));
        String key = run + "-" + i;
        String body = String.format(
                Locale.ROOT,
                "{\"itemCode\":\"%s\",\"text\":\"%s\",\"longitude\":%.7f,\"latitude\":%.7f,"
                        + "\"address\":\"网格%s内\",\"reporterName\":\"居民%d\",\"reporterPhone\":\"138%08d\"}",
                what[0],
                what[1],
                place.lng(),
                place.lat(),
                place.grid(),
                i % 1000,
                i % 100_000_000);
        return platform.post(place.gridWorker(), "/api/v1/incidents", body, key).thenApply(r -> {
            if (!platform.expect(r, 201, "report " + key)) {
                return false;
            }
            acknowledged.put(key, Platform.id(r.body()));
            return true;
        });
    }

    record Check(long found, long missing, long different) {}

    /** Looks every acknowledged key up in the database: its claim must name the incident answered, which must exist. */
    private Check check(Map<String, String> acknowledged) throws Exception {
        Map<String, String> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(settings.db(), "postgres", "");
                PreparedStatement q = c.prepareStatement("""
                        SELECT k.key, i.id FROM incident_idempotency k JOIN incident i ON i.id = k.incident_id
                         WHERE k.key LIKE ?
                        """)) {
            q.setString(1, run + "-%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        long found = 0;
        long missing = 0;
        long different = 0;
        for (var e : acknowledged.entrySet()) {
            String incident = stored.get(e.getKey());
            if (incident == null) {
                missing++;
            } else if (!incident.equalsIgnoreCase(e.getValue())) {
                different++;
            } else {
                found++;
            }
        }
        return new Check(found, missing, different);
    }
}
