package org.onegrid.integration.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.integration.open311.GeoReportPostingTests.description;
import static org.onegrid.integration.open311.Open311Http.json;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.region.Grids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Administrators issue, list and revoke the API keys of Open311 clients; the key is shown once and never stored. */
@IntegrationTest
class Open311ClientApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Grids grids;

    @Test
    void anAdministratorIssuesAKeyThatIsShownOnceAndStoredOnlyAsItsHash() {
        Open311Http http = new Open311Http(port);
        String name = "东营掌上办 " + UUID.randomUUID();
        HttpResponse<String> issued =
                http.api("admin", "POST", "/api/v1/open311/clients", Map.of("name", name, "contact", "0546-1234567"));

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode body = json(issued);
        String key = body.get("apiKey").asString();
        long id = body.get("client").get("id").asLong();
        assertThat(key).startsWith("o311_").hasSizeGreaterThan(40);
        assertThat(body.get("client").get("keyPrefix").asString()).isEqualTo(key.substring(0, 12));
        assertThat(body.get("client").get("requestsPerHour").asInt()).isEqualTo(600);
        assertThat(issued.headers().firstValue("Location").orElse("")).isEqualTo("/api/v1/open311/clients/" + id);

        HttpResponse<String> listed = http.api("admin", "GET", "/api/v1/open311/clients", null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(name).doesNotContain(key);
        String stored = jdbc.sql("SELECT key_hash FROM open311_client WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo(Open311Clients.hash(key)).doesNotContain(key.substring(5));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE event = 'OPEN311_CLIENT_ISSUED' AND detail = :d")
                        .param("d", "client " + id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        HttpResponse<String> revoked = http.api("admin", "POST", "/api/v1/open311/clients/" + id + "/revoke", null);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(json(revoked).get("revokedAt").isNull()).isFalse();
        HttpResponse<String> again = http.api("admin", "POST", "/api/v1/open311/clients/" + id + "/revoke", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(http.api("admin", "POST", "/api/v1/open311/clients/987654321/revoke", null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyAdministratorsManageClientsAndANameIsRequired() {
        Open311Http http = new Open311Http(port);
        HttpResponse<String> byDispatcher =
                http.api("city.dispatcher", "POST", "/api/v1/open311/clients", Map.of("name", "越权签发"));
        assertThat(byDispatcher.statusCode()).isEqualTo(403);
        assertThat(byDispatcher.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(http.api("leader", "GET", "/api/v1/open311/clients", null).statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM open311_client WHERE name = '越权签发'")
                        .query(Long.class)
                        .single())
                .isZero();

        HttpResponse<String> nameless = http.api("admin", "POST", "/api/v1/open311/clients", Map.of("contact", "x"));
        assertThat(nameless.statusCode()).isEqualTo(400);
        assertThat(json(nameless).get("field").asString()).isEqualTo("name");
        HttpResponse<String> tooMany =
                http.api("admin", "POST", "/api/v1/open311/clients", Map.of("name", "超限", "requestsPerHour", 0));
        assertThat(tooMany.statusCode()).isEqualTo(400);
    }

    @Test
    void aClientThatPostsMoreThanItsHourlyLimitIsToldToWait() {
        Open311Http http = new Open311Http(port);
        HttpResponse<String> issued = http.api(
                "admin",
                "POST",
                "/api/v1/open311/clients",
                Map.of("name", "限流测试 " + UUID.randomUUID(), "requestsPerHour", 2));
        String key = json(issued).get("apiKey").asString();
        Spot spot = Spot.of(grids, Spot.DONGYING_DISTRICT, 13);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> posted = http.post(
                    "/open311/v2/requests.json",
                    List.of(
                            new String[] {"api_key", key},
                            new String[] {"service_code", "CSGL-007"},
                            new String[] {"lat", String.valueOf(spot.lat())},
                            new String[] {"long", String.valueOf(spot.lng())},
                            new String[] {"description", "路灯不亮，第 " + (i + 1) + " 盏"}));
            if (i < 2) {
                assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            } else {
                assertThat(posted.statusCode()).isEqualTo(429);
                assertThat(description(posted, "json", 429)).contains("2 service requests per hour");
            }
        }
    }
}
