package org.onegrid.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With every database connection in use, a request waits the connection timeout (5 s, not Hikari's 30 s) and is
 * answered 503 with Retry-After (Open311 in its own error format); once connections are free again it is served as usual.
 */
@IntegrationTest
class NoConnectionTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    String token() throws Exception {
        HttpResponse<String> issued = send(request("/api/v1/auth/token")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"Demo@2026\"}")));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return JSON.readTree(issued.body()).get("token").asString();
    }

    @Test
    void withEveryConnectionTakenTheApiAnswersA503ProblemOpen311ItsErrorArrayAndPagesTheErrorPage() throws Exception {
        String token = token();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getConnectionTimeout()).isEqualTo(5000);
        List<Connection> taken = new ArrayList<>();
        HttpResponse<String> api;
        HttpResponse<String> page;
        HttpResponse<String> open311;
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                taken.add(pool.getConnection());
            }
            api = send(request("/api/v1/me").header("Authorization", "Bearer " + token));
            page = send(request("/r/track/ABCDEFGH").header("Accept", "text/html"));
            open311 = send(request("/open311/v2/requests.json"));
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }

        assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(api.body());
        assertThat(problem.get("type").asString()).endsWith("/service-unavailable");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asString()).isEqualTo(NoConnectionFilter.DETAIL);

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));

        // Open311 clients get the specification's error array, with the same status and Retry-After
        assertThat(open311.statusCode()).as(open311.body()).isEqualTo(503);
        assertThat(open311.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode errors = JSON.readTree(open311.body());
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(503);
        assertThat(errors.get(0).get("description").asString()).startsWith("Service overloaded");

        assertThat(send(request("/api/v1/me").header("Authorization", "Bearer " + token))
                        .statusCode())
                .isEqualTo(200);
    }
}
