package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.catalog.Catalog;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Intake 事件登记 through the API: routing to grid and centre, idempotency, photos checked by content, and every kind of
 * bad input answered precisely with nothing stored.
 */
@IntegrationTest
class IncidentIntakeApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Dongying.Spot spot;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Dongying.catalog(catalog, staff);
        spot = Dongying.spot(grids, Dongying.DAWANG, 3);
    }

    Map<String, Object> report(String item, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("itemCode", item);
        body.put("text", text);
        body.put("longitude", spot.lng());
        body.put("latitude", spot.lat());
        return body;
    }

    long incidents() {
        return jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();
    }

    long historyEntries() {
        return jdbc.sql("SELECT count(*) FROM incident_history")
                .query(Long.class)
                .single();
    }

    @Test
    void aReportIsRoutedToItsGridAndTheVillageCentreOrTheLevelTheItemNames() {
        JsonNode noise = Api.json(api.post(spot.gridWorker(), "/api/v1/incidents", report(Dongying.NOISE, "广场舞音响过响")));
        assertThat(noise.get("gridCode").asString()).isEqualTo(spot.grid());
        assertThat(noise.get("villageCode").asString()).isEqualTo(spot.village());
        assertThat(noise.get("owner").get("level").asString()).isEqualTo("VILLAGE");
        assertThat(noise.get("status").asString()).isEqualTo("REPORTED");
        assertThat(noise.get("version").asLong()).isEqualTo(1);
        assertThat(noise.get("stage").get("stage").asString()).isEqualTo("ACCEPT");

        JsonNode fumes = Api.json(api.post(spot.gridWorker(), "/api/v1/incidents", report(Dongying.FUMES, "饭店油烟直排")));
        assertThat(fumes.get("owner").get("level").asString()).isEqualTo("TOWN");
        assertThat(fumes.get("owner").get("name").asString()).isEqualTo("大王镇综治中心");
        assertThat(fumes.get("categoryCode").asString()).isEqualTo("CSGL");
    }

    @Test
    void theSameIdempotencyKeyTwiceGivesTheSameIncidentNeverTwo() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = report(Dongying.NOISE, "KTV深夜噪音");
        long before = incidents();

        HttpResponse<String> first =
                api.post(spot.gridWorker(), "/api/v1/incidents", body, Map.of("Idempotency-Key", key));
        HttpResponse<String> again =
                api.post(spot.gridWorker(), "/api/v1/incidents", body, Map.of("Idempotency-Key", key));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Api.json(again).get("id").asString())
                .isEqualTo(Api.json(first).get("id").asString());
        assertThat(first.headers().firstValue("Location"))
                .hasValue("/api/v1/incidents/" + Api.json(first).get("id").asString());
        assertThat(incidents()).isEqualTo(before + 1);

        HttpResponse<String> different = api.post(
                spot.gridWorker(), "/api/v1/incidents", report(Dongying.NOISE, "另一件事"), Map.of("Idempotency-Key", key));
        assertThat(different.statusCode()).isEqualTo(422);
        assertThat(Api.json(different).get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(incidents()).isEqualTo(before + 1);

        // The key is the caller's: another caller with the same key reports anew.
        HttpResponse<String> other = api.post(
                "village.dispatcher",
                "/api/v1/incidents",
                Map.of(
                        "itemCode",
                        Dongying.NOISE,
                        "text",
                        "来访反映噪音",
                        "channel",
                        "VISIT",
                        "longitude",
                        Dongying.spot(grids, "370523101001", 0).lng(),
                        "latitude",
                        Dongying.spot(grids, "370523101001", 0).lat()),
                Map.of("Idempotency-Key", key));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
    }

    @Test
    void concurrentIntakesWithOneKeyCreateOneIncident() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = report(Dongying.NOISE, "工地夜间施工噪音");
        api.token(spot.gridWorker());
        long before = incidents();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<HttpResponse<String>> call =
                        () -> api.post(spot.gridWorker(), "/api/v1/incidents", body, Map.of("Idempotency-Key", key));
                futures.add(pool.submit(call));
            }
            List<String> ids = new ArrayList<>();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                statuses.add(f.get().statusCode());
                ids.add(Api.json(f.get()).get("id").asString());
            }
            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(incidents()).isEqualTo(before + 1);
    }

    @Test
    void photosAreCheckedByContentStoredAndServedOnlyToWhoMaySeeTheIncident() {
        for (byte[] image : List.of(Photos.jpeg(), Photos.png(), Photos.webp())) {
            assertThat(api.upload(spot.gridWorker(), "x.bin", image).statusCode())
                    .isEqualTo(201);
        }
        HttpResponse<String> text = api.upload(spot.gridWorker(), "photo.jpg", "not an image at all".getBytes());
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(Api.json(text).get("type").asString()).endsWith("/not-an-image");
        HttpResponse<String> tooLarge = api.upload(spot.gridWorker(), "big.jpg", new byte[10 * 1024 * 1024 + 1]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);

        String photo = api.photo(spot.gridWorker());
        Map<String, Object> body = report(Dongying.NOISE, "商铺音响外放");
        body.put("photoIds", List.of(photo));
        JsonNode incident = Api.json(api.post(spot.gridWorker(), "/api/v1/incidents", body));
        String url = incident.get("photos").get(0).get("url").asString();

        HttpResponse<byte[]> mine = api.getBytes(spot.villageDispatcher(), url);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(mine.body()).isEqualTo(Photos.jpeg());
        assertThat(api.getBytes("dongying.dispatcher", url).statusCode()).isEqualTo(404);
        assertThat(api.getBytes("resident", url).statusCode()).isEqualTo(404);

        // A photo already attached to one incident cannot be attached to another.
        HttpResponse<String> reused = api.post(spot.gridWorker(), "/api/v1/incidents", body);
        assertThat(reused.statusCode()).isEqualTo(422);
        // Nor can someone else's photo be used.
        Map<String, Object> foreign = report(Dongying.NOISE, "借用别人的照片");
        foreign.put("photoIds", List.of(api.photo("gridworker")));
        assertThat(api.post(spot.gridWorker(), "/api/v1/incidents", foreign).statusCode())
                .isEqualTo(422);
    }

    @Test
    void badReportsAreRefusedPreciselyAndStoreNothing() {
        long incidents = incidents();
        long entries = historyEntries();

        assertProblem(
                api.post(spot.gridWorker(), "/api/v1/incidents", report("NO-SUCH-ITEM", "文本")), 422, "unknown-item");
        Map<String, Object> outside = report(Dongying.NOISE, "在北京");
        outside.put("longitude", 116.397);
        outside.put("latitude", 39.909);
        assertProblem(api.post(spot.gridWorker(), "/api/v1/incidents", outside), 422, "outside-jurisdiction");
        assertProblem(
                api.post(spot.gridWorker(), "/api/v1/incidents", report(Dongying.NOISE, "   ")), 422, "invalid-action");
        assertProblem(
                api.post(spot.gridWorker(), "/api/v1/incidents", report(Dongying.NOISE, "吵".repeat(4001))),
                422,
                "invalid-action");
        Map<String, Object> tooMany = report(Dongying.NOISE, "十张照片");
        List<String> photos = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            photos.add(api.photo(spot.gridWorker()));
        }
        tooMany.put("photoIds", photos);
        assertProblem(api.post(spot.gridWorker(), "/api/v1/incidents", tooMany), 422, "invalid-action");
        Map<String, Object> noPlace = new HashMap<>(report(Dongying.NOISE, "没有位置"));
        noPlace.remove("longitude");
        noPlace.remove("latitude");
        assertProblem(api.post(spot.gridWorker(), "/api/v1/incidents", noPlace), 400, "invalid-input");
        Map<String, Object> badLng = report(Dongying.NOISE, "坐标错误");
        badLng.put("longitude", 300);
        assertProblem(api.post(spot.gridWorker(), "/api/v1/incidents", badLng), 400, "invalid-input");
        assertProblem(api.post(spot.gridWorker(), "/api/v1/incidents", "{not json"), 400, "invalid-input");
        Map<String, Object> badChannel = report(Dongying.NOISE, "渠道错误");
        badChannel.put("channel", "CARRIER_PIGEON");
        assertProblem(api.post(spot.gridWorker(), "/api/v1/incidents", badChannel), 400, "invalid-input");
        // A grid worker reports only in their own region, and only through the grid worker's channels.
        Dongying.Spot elsewhere = Dongying.spot(grids, Dongying.DONGYING_DISTRICT, 0);
        Map<String, Object> foreign = report(Dongying.NOISE, "别处的事");
        foreign.put("longitude", elsewhere.lng());
        foreign.put("latitude", elsewhere.lat());
        assertProblem(api.post(spot.gridWorker(), "/api/v1/incidents", foreign), 403, "forbidden");
        Map<String, Object> asCitizen = report(Dongying.NOISE, "冒充群众");
        asCitizen.put("channel", "CITIZEN");
        assertProblem(api.post(spot.gridWorker(), "/api/v1/incidents", asCitizen), 403, "forbidden");

        assertThat(incidents()).isEqualTo(incidents);
        assertThat(historyEntries()).isEqualTo(entries);
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Api.json(response).get("type").asString()).endsWith("/" + type);
    }
}
