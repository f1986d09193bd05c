package org.onegrid.integration.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.integration.Client;
import org.onegrid.integration.Spot;
import org.onegrid.region.Grids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class HotlineWebhookTests {

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    JdbcClient jdbc;

    Client client;
    Spot spot;

    @BeforeEach
    void setUp() {
        client = new Client(port);
        spot = Spot.of(grids, "370523101", 3);
    }

    static Map<String, Object> order(String orderId, String category, Spot at) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderId", orderId);
        order.put("caller", Map.of("name", "张先生", "phone", "13805461234"));
        order.put("text", "小区门口夜市烧烤摊占道经营，晚上油烟噪音很大");
        order.put("address", "广饶县大王镇府前路 18 号");
        order.put("category", category);
        order.put("timeLimit", "2026-12-01T17:30:00+08:00");
        if (at != null) {
            order.put("longitude", at.lng());
            order.put("latitude", at.lat());
        }
        return order;
    }

    long orders(String orderId) {
        return jdbc.sql("SELECT count(*) FROM hotline_order WHERE order_id = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    long incidentsMentioning(String orderId) {
        return jdbc.sql("SELECT count(*) FROM incident WHERE text LIKE ?")
                .param("%" + orderId + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void aSignedOrderBecomesOneHotlineIncidentHoweverOftenItIsPushed() {
        String orderId = "SD" + System.nanoTime();
        HttpResponse<String> first = client.push(order(orderId, "0101", spot));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode placed = Client.json(first);
        assertThat(placed.get("state").asString()).isEqualTo("PLACED");
        assertThat(placed.get("itemCode").asString()).isEqualTo("CSGL-001");
        String incidentId = placed.get("incidentId").asString();

        HttpResponse<String> again = client.push(order(orderId, "0101", spot));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Client.json(again).get("incidentId").asString()).isEqualTo(incidentId);
        assertThat(incidentsMentioning(orderId)).isOne();

        JsonNode incident = Client.json(client.get("/api/v1/incidents/" + incidentId, "city.dispatcher"));
        assertThat(incident.get("channel").asString()).isEqualTo("HOTLINE");
        assertThat(incident.get("status").asString()).isEqualTo("REPORTED");
        assertThat(incident.get("gridCode").asString()).isEqualTo(spot.grid());
        assertThat(incident.get("reporterName").asString()).isEqualTo("张先生");
        assertThat(incident.get("reporterPhone").asString()).isEqualTo("138****1234");
        assertThat(incident.get("text").asString()).contains(orderId, "热线办理时限 2026-12-01 17:30");
        assertThat(incident.get("history")
                        .get("entries")
                        .get(0)
                        .get("actorName")
                        .asString())
                .isEqualTo("12345热线");
        assertThat(incident.get("history").get("entries").get(0).get("role").asString())
                .isEqualTo("SYSTEM");
    }

    @Test
    void theSameOrderIdWithOtherContentIsRefusedAndChangesNothing() {
        String orderId = "SD" + System.nanoTime();
        assertThat(client.push(order(orderId, "0101", spot)).statusCode()).isEqualTo(201);
        Map<String, Object> changed = order(orderId, "0101", spot);
        changed.put("text", "另一件事");
        HttpResponse<String> response = client.push(changed);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(Client.json(response).get("type").asString()).endsWith("/order-changed");
        assertThat(incidentsMentioning(orderId)).isOne();
    }

    @Test
    void aPushWithABadSignatureIsRefusedAndCreatesNothing() {
        String orderId = "SD" + System.nanoTime();
        String body = Client.JSON.writeValueAsString(order(orderId, "0101", spot));
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> wrongSecret = client.pushWith(
                body,
                Map.of("X-Hotline-Timestamp", "" + now, "X-Hotline-Signature", Client.sign("guessed", now, body)));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(Client.json(wrongSecret).get("type").asString()).endsWith("/signature-invalid");

        HttpResponse<String> tampered = client.pushWith(
                body.replace("占道经营", "占道经营！"),
                Map.of("X-Hotline-Timestamp", "" + now, "X-Hotline-Signature", Client.sign(Client.SECRET, now, body)));
        assertThat(Client.json(tampered).get("type").asString()).endsWith("/signature-invalid");

        long stale = now - 6 * 60;
        HttpResponse<String> replayed = client.pushWith(
                body,
                Map.of(
                        "X-Hotline-Timestamp",
                        "" + stale,
                        "X-Hotline-Signature",
                        Client.sign(Client.SECRET, stale, body)));
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(Client.json(replayed).get("type").asString()).endsWith("/signature-stale");

        HttpResponse<String> unsigned = client.pushWith(body, Map.of());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(Client.json(unsigned).get("type").asString()).endsWith("/signature-missing");

        assertThat(orders(orderId)).isZero();
        assertThat(incidentsMentioning(orderId)).isZero();
    }

    @Test
    void anOrderOfAnUnmappedCategoryIsClassifiedFromItsTextAndFlaggedForTheDispatcher() {
        String orderId = "SD" + System.nanoTime();
        Map<String, Object> order = order(orderId, "9999", spot);
        order.put("text", "楼下饭店的排油烟管正对我家窗户，每天炒菜油烟熏得开不了窗");
        HttpResponse<String> response = client.push(order);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode placed = Client.json(response);
        assertThat(placed.get("state").asString()).isEqualTo("PLACED");

        JsonNode incident = Client.json(
                client.get("/api/v1/incidents/" + placed.get("incidentId").asString(), "city.dispatcher"));
        assertThat(incident.get("itemCode").asString()).isEqualTo("CSGL-004");
        assertThat(incident.get("typeUnconfirmed").asBoolean()).isTrue();
        assertThat(incidentsMentioning(orderId)).isOne();
    }

    @Test
    void anOrderOutsideTheCityOrMalformedIsRefusedAndCreatesNothing() {
        String orderId = "SD" + System.nanoTime();
        Map<String, Object> beijing = order(orderId, "0101", null);
        beijing.put("longitude", 116.39);
        beijing.put("latitude", 39.91);
        HttpResponse<String> outside = client.push(beijing);
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(Client.json(outside).get("type").asString()).endsWith("/outside-jurisdiction");
        assertThat(orders(orderId)).isZero();

        HttpResponse<String> broken = client.push("{\"orderId\": \"" + orderId + "\", \"text\": ");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(Client.json(broken).get("type").asString()).endsWith("/invalid-input");

        Map<String, Object> noText = order(orderId, "0101", spot);
        noText.remove("text");
        HttpResponse<String> missing = client.push(noText);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Client.json(missing).get("field").asString()).isEqualTo("text");
        assertThat(orders(orderId)).isZero();
        assertThat(incidentsMentioning(orderId)).isZero();
    }

    @Test
    void anOrderWithAControlCharacterInAnyTextIsRefusedNamingTheFieldAndCreatesNothing() {
        String orderId = "SD" + System.nanoTime();
        for (String field : new String[] {"text", "address", "category"}) {
            Map<String, Object> pasted = order(orderId, "0101", spot);
            pasted.put(field, "从微信粘贴\u000B的内容\u0000");
            HttpResponse<String> response = client.push(pasted);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(Client.json(response).get("field").asString()).isEqualTo(field);
        }
        Map<String, Object> caller = order(orderId, "0101", spot);
        caller.put("caller", Map.of("name", "张\u0001先生", "phone", "13805461234"));
        HttpResponse<String> response = client.push(caller);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Client.json(response).get("field").asString()).isEqualTo("caller.name");
        assertThat(orders(orderId)).isZero();
        assertThat(incidentsMentioning(orderId)).isZero();
    }

    @Test
    void anOrderWithoutALocationWaitsUntilACityDispatcherPlacesItOnAGrid() {
        String orderId = "SD" + System.nanoTime();
        HttpResponse<String> pushed = client.push(order(orderId, "0201", null));
        assertThat(pushed.statusCode()).isEqualTo(201);
        assertThat(Client.json(pushed).get("state").asString()).isEqualTo("AWAITING_PLACEMENT");
        assertThat(Client.json(pushed).get("callerPhone").asString()).isEqualTo("138****1234");
        assertThat(incidentsMentioning(orderId)).isZero();
        byte[] stored = jdbc.sql("SELECT caller_phone FROM hotline_order WHERE order_id = ?")
                .param(orderId)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("13805461234");

        JsonNode queue = Client.json(client.get("/api/v1/hotline/orders", "city.dispatcher"));
        assertThat(queue.findValuesAsString("orderId")).contains(orderId);
        assertThat(client.get("/api/v1/hotline/orders", "dawang.dispatcher").statusCode())
                .isEqualTo(403);
        assertThat(client.post(
                                "/api/v1/hotline/orders/" + orderId + "/placement",
                                "dawang.dispatcher",
                                Map.of("gridCode", spot.grid()))
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> placed = client.post(
                "/api/v1/hotline/orders/" + orderId + "/placement", "city.dispatcher", Map.of("gridCode", spot.grid()));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        JsonNode order = Client.json(placed);
        assertThat(order.get("state").asString()).isEqualTo("PLACED");
        assertThat(order.get("callerPhone").isNull()).isTrue();
        String incidentId = order.get("incidentId").asString();
        JsonNode incident = Client.json(client.get("/api/v1/incidents/" + incidentId, "city.dispatcher"));
        assertThat(incident.get("channel").asString()).isEqualTo("HOTLINE");
        assertThat(incident.get("itemCode").asString()).isEqualTo("MDJF-010");
        assertThat(incident.get("gridCode").asString()).isEqualTo(spot.grid());
        assertThat(incident.get("reporterName").asString()).isEqualTo("张先生");
        assertThat(incident.get("reporterPhone").asString()).isEqualTo("138****1234");
        assertThat(client.get("/api/v1/hotline/orders", "city.dispatcher").body())
                .doesNotContain(orderId);

        HttpResponse<String> twice = client.post(
                "/api/v1/hotline/orders/" + orderId + "/placement", "city.dispatcher", Map.of("gridCode", spot.grid()));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(incidentsMentioning(orderId)).isOne();
    }
}
