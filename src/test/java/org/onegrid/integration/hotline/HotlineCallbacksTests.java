package org.onegrid.integration.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentCommand;
import org.onegrid.integration.Client;
import org.onegrid.integration.Spot;
import org.onegrid.integration.TestReceiver;
import org.onegrid.integration.TestReceivers;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class HotlineCallbacksTests {

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    IncidentApi incidents;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    Client client;
    Spot spot;
    TestReceiver hotline = TestReceivers.hotline();

    @BeforeEach
    void setUp() {
        client = new Client(port);
        spot = Spot.of(grids, "370523101", 5);
        hotline.answer(200).delay(Duration.ZERO);
    }

    @AfterEach
    void hotlineAnswersAgain() {
        hotline.answer(200);
    }

    StaffPrincipal as(String username) {
        return staff.principal(staff.findByUsername(username).orElseThrow().id())
                .orElseThrow();
    }

    UUID push(String orderId) {
        HttpResponse<String> response = client.push(HotlineWebhookTests.order(orderId, "0201", spot));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(Client.json(response).get("incidentId").asString());
    }

    List<JsonNode> acknowledged(String orderId) {
        return hotline.mentioning(orderId).stream()
                .filter(TestReceiver.Received::acknowledged)
                .map(r -> Client.JSON.readTree(r.body()))
                .toList();
    }

    static IncidentCommand.Plain saying(String comment) {
        return new IncidentCommand.Plain(comment, List.of());
    }

    @Test
    void theHotlineHearsAcceptedDispatchedHandledAndClosedInOrderEachOnceAndSigned() {
        String orderId = "SD" + System.nanoTime();
        UUID id = push(orderId);
        incidents.accept(id, saying("属实，予以受理"), as(spot.villageDispatcher()));
        incidents.dispatch(
                id,
                new IncidentCommand.Dispatch("SINGLE", "chengguan", List.of(), null, null, "请处理", List.of()),
                as(spot.villageDispatcher()));
        String handler = "chengguan." + spot.county();
        incidents.sign(id, saying(""), as(handler));
        UUID photo = incidents.upload(Client.png(), as(handler)).id();
        incidents.complete(id, new IncidentCommand.Plain("已劝离烧烤摊，恢复通行", List.of(photo)), as(handler));
        incidents.verify(id, new IncidentCommand.Verify(true, "现场核查无占道", List.of()), as(spot.gridWorker()));

        await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged(orderId).size() == 4);
        List<JsonNode> callbacks = acknowledged(orderId);
        assertThat(callbacks.stream().map(c -> c.get("status").asString()))
                .containsExactly("ACCEPTED", "DISPATCHED", "HANDLED", "CLOSED");
        assertThat(callbacks.get(2).get("comment").asString()).isEqualTo("已劝离烧烤摊，恢复通行");
        assertThat(callbacks.get(2).get("by").asString()).isEqualTo(as(handler).displayName());
        assertThat(callbacks.get(3).get("incidentId").asString()).isEqualTo(id.toString());
        // the hotline's operators quote the same number as the city's staff
        assertThat(callbacks.stream().map(c -> c.get("number").asString()).distinct())
                .singleElement()
                .satisfies(number -> assertThat(number).matches("DY-\\d{8}-\\d{4,}"));
        assertThat(callbacks.stream().map(c -> c.get("eventId").asString()).distinct())
                .hasSize(4);
        assertThat(callbacks.get(0).get("timeLimit").asString()).isEqualTo("2026-12-01T09:30:00Z");
        for (TestReceiver.Received r : hotline.mentioning(orderId)) {
            String timestamp = r.header("X-Hotline-Timestamp");
            assertThat(r.header("X-Hotline-Signature"))
                    .isEqualTo(Client.sign(Client.SECRET, Long.parseLong(timestamp), r.body()));
            assertThat(r.header("Idempotency-Key"))
                    .isEqualTo(Client.JSON.readTree(r.body()).get("eventId").asString());
        }

        // the platform may have answered the last one a moment before the sender recorded it
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Client.json(client.get("/api/v1/hotline/orders/" + orderId, "admin"))
                                .get("callbacks")
                                .findValuesAsString("state"))
                        .containsExactly("DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED"));
        assertThat(client.get("/api/v1/hotline/orders/" + orderId, "gridworker").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aRejectedOrderIsReturnedToTheHotlineWithTheReason() {
        String orderId = "SD" + System.nanoTime();
        UUID id = push(orderId);
        incidents.reject(id, saying("不属于本辖区职责，请热线转交供电公司"), as(spot.villageDispatcher()));
        await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged(orderId).size() == 1);
        JsonNode returned = acknowledged(orderId).get(0);
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("comment").asString()).isEqualTo("不属于本辖区职责，请热线转交供电公司");
    }

    @Test
    void aCallbackTheHotlineRefusesIsRetriedListedForReconciliationAndSentAgainOnRetryNow() {
        hotline.answer(500);
        String orderId = "SD" + System.nanoTime();
        UUID id = push(orderId);
        incidents.accept(id, saying("予以受理"), as(spot.villageDispatcher()));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> hotline.mentioning(orderId).size() >= 3);
        assertThat(acknowledged(orderId)).isEmpty();
        HttpResponse<String> reconciliation = client.get("/api/v1/hotline/reconciliation", "admin");
        assertThat(reconciliation.statusCode()).isEqualTo(200);
        JsonNode line = null;
        for (JsonNode node : Client.json(reconciliation)) {
            if (node.get("orderId").asString().equals(orderId)) {
                line = node;
            }
        }
        assertThat(line).as("order %s in the reconciliation", orderId).isNotNull();
        assertThat(line.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(line.get("lastStatus").asInt()).isEqualTo(500);
        assertThat(line.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(line.get("incidentId").asString()).isEqualTo(id.toString());
        assertThat(client.get("/api/v1/hotline/reconciliation", "city.dispatcher")
                        .statusCode())
                .isEqualTo(403);

        Client admin = Client.console(port, "admin");
        HttpResponse<String> page = admin.get("/admin/deliveries?state=FAILED&receiver=hotline", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(orderId, "HTTP 500", "失败待重试", "立即重试");
        assertThat(Client.console(port, "city.dispatcher")
                        .get("/admin/deliveries", null)
                        .statusCode())
                .isEqualTo(403);

        hotline.answer(200);
        long deliveryId = jdbc.sql("SELECT id FROM delivery WHERE receiver = 'hotline' AND subject = ?")
                .param(orderId)
                .query(Long.class)
                .single();
        assertThat(page.body()).contains("id=\"delivery-" + deliveryId + "\"");
        HttpResponse<String> retried = admin.form(
                "/admin/deliveries/" + deliveryId + "/retry",
                Map.of("_csrf", admin.csrf("/admin/deliveries"), "state", "FAILED", "receiver", "hotline"));
        assertThat(retried.statusCode()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged(orderId).size() == 1);
        // the platform may have answered a moment before the sender recorded it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(client.get("/api/v1/hotline/reconciliation", "admin").body())
                    .doesNotContain(orderId);
            assertThat(admin.get("/admin/deliveries?state=DELIVERED&receiver=hotline", null)
                            .body())
                    .contains(orderId);
        });
    }

    @Test
    void administratorsMapHotlineCategoriesToCatalogItems() {
        HttpResponse<String> put = client.put(
                "/api/v1/hotline/categories/T-" + (System.nanoTime() % 100000),
                "admin",
                Map.of("name", "城乡建设/市容环境/沿街晾晒", "itemCode", "CSGL-019"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        String code = Client.json(put).get("code").asString();
        assertThat(Client.json(put).get("itemName").asString()).isEqualTo("沿街晾晒");

        String orderId = "SD" + System.nanoTime();
        HttpResponse<String> pushed = client.push(HotlineWebhookTests.order(orderId, code, spot));
        assertThat(Client.json(pushed).get("itemCode").asString()).isEqualTo("CSGL-019");

        HttpResponse<String> unknownItem =
                client.put("/api/v1/hotline/categories/" + code, "admin", Map.of("name", "x", "itemCode", "NOPE-1"));
        assertThat(unknownItem.statusCode()).isEqualTo(422);
        assertThat(Client.json(unknownItem).get("field").asString()).isEqualTo("itemCode");
        assertThat(client.put(
                                "/api/v1/hotline/categories/" + code,
                                "city.dispatcher",
                                Map.of("name", "x", "itemCode", "CSGL-019"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(Client.json(client.get("/api/v1/hotline/categories", "city.dispatcher"))
                        .findValuesAsString("code"))
                .contains(code, "0101");

        assertThat(client.delete("/api/v1/hotline/categories/" + code, "admin").statusCode())
                .isEqualTo(204);
        // without its mapping an order is no longer refused: it names no item, its incident's is suggested
        HttpResponse<String> after = client.push(HotlineWebhookTests.order("SD" + System.nanoTime(), code, spot));
        assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
        assertThat(Client.json(after).path("itemCode").isString()).isFalse();
        assertThat(client.delete("/api/v1/hotline/categories/" + code, "admin").statusCode())
                .isEqualTo(404);
    }
}
