package org.onegrid.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Who learns what: residents read no staff profiles, an incident outside one's scope does not exist for an action
 * either, pages tell the browser what it may load and send, and tracking codes cannot be guessed at speed.
 */
@IntegrationTest
class AccessTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long userId(String username) {
        return jdbc.sql("SELECT id FROM staff_user WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    @Test
    void aResidentReadsNoStaffProfileOnlyTheirOwn() {
        Http http = new Http(port);
        String resident = http.login("resident", "Demo@2026");
        long staffId = userId("village.dispatcher");

        HttpResponse<String> staff = http.get("/api/v1/users/" + staffId, resident);
        HttpResponse<String> nobody = http.get("/api/v1/users/999999999", resident);
        HttpResponse<String> own = http.get("/api/v1/users/" + userId("resident"), resident);

        assertThat(staff.statusCode()).isEqualTo(404);
        assertThat(Http.json(staff).get("title").asString())
                .isEqualTo(Http.json(nobody).get("title").asString());
        assertThat(staff.body()).doesNotContain("village.dispatcher");
        assertThat(own.statusCode()).isEqualTo(200);
        String dispatcher = http.login("village.dispatcher", "Demo@2026");
        assertThat(http.get("/api/v1/users/" + userId("gridworker"), dispatcher).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anActionOnAnIncidentOutsideOnesScopeIsAnsweredAsAReadIsAndTellsNothing() {
        UUID elsewhere = jdbc.sql("""
                        SELECT id FROM incident
                         WHERE status = 'REPORTED' AND region_path NOT LIKE '/3705/370523/370523101/%'
                         ORDER BY reported_at LIMIT 1
                        """).query(UUID.class).single();
        Http http = new Http(port);
        String dawang = http.login("dawang.dispatcher", "Demo@2026");

        HttpResponse<String> read = http.get("/api/v1/incidents/" + elsewhere, dawang);
        HttpResponse<String> accept = http.postJson("/api/v1/incidents/" + elsewhere + "/accept", dawang, Map.of());
        HttpResponse<String> urge =
                http.postJson("/api/v1/incidents/" + elsewhere + "/urge", dawang, Map.of("comment", "请加快"));

        assertThat(read.statusCode()).isEqualTo(404);
        for (HttpResponse<String> action : java.util.List.of(accept, urge)) {
            assertThat(action.statusCode()).isEqualTo(404);
            JsonNode problem = Http.json(action);
            assertThat(problem.get("detail").asString())
                    .isEqualTo(Http.json(read).get("detail").asString());
            assertThat(action.body())
                    .doesNotContain("/3705/")
                    .doesNotContain("待受理")
                    .doesNotContain("REPORTED");
        }
    }

    @Test
    void pagesTellTheBrowserWhatItMayRunLoadAndSend() {
        Http browser = new Http(port, true);
        String csrf = browser.csrf("/login");
        browser.postForm("/login", Map.of("username", "leader", "password", "Demo@2026", "_csrf", csrf));

        HttpResponse<String> dashboard = browser.get("/dashboard");

        assertThat(dashboard.statusCode()).isEqualTo(200);
        String policy =
                dashboard.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher nonce =
                Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'").matcher(policy);
        assertThat(nonce.find()).as(policy).isTrue();
        assertThat(policy).contains("object-src 'none'").contains("frame-ancestors 'self'");
        assertThat(dashboard.body()).contains("<script nonce=\"" + nonce.group(1) + "\">");
        // every inline script carries it: a script without src and without this nonce would not run
        Matcher inline = Pattern.compile("<script(?![^>]*\\bsrc=)([^>]*)>").matcher(dashboard.body());
        while (inline.find()) {
            assertThat(inline.group(1)).contains("nonce=\"" + nonce.group(1) + "\"");
        }
        assertThat(dashboard.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(dashboard.headers().firstValue("Permissions-Policy").orElseThrow())
                .contains("geolocation=(self)")
                .contains("microphone=()");
        String again = browser.get("/dashboard")
                .headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow();
        assertThat(again).as("a fresh nonce per page").isNotEqualTo(policy);
    }

    @Test
    void guessingTrackingCodesIsStoppedAndToldWhenToTryAgain() {
        Http guesser = new Http(port, true).from("192.0.2." + (1 + (int) (System.nanoTime() % 250)));
        String real = jdbc.sql("SELECT tracking_code FROM incident WHERE tracking_code IS NOT NULL LIMIT 1")
                .query(String.class)
                .single();
        String csrf = guesser.csrf("/r/report");
        for (int i = 0; i < 15; i++) {
            assertThat(guesser.get("/r/track/ZZZZZZ" + String.format("%02d", i)).statusCode())
                    .isEqualTo(200);
        }
        // rating names a code too: guesses made that way count the same
        for (int i = 15; i < 30; i++) {
            HttpResponse<String> rated = guesser.postForm(
                    "/r/track/ZZZZZZ" + String.format("%02d", i) + "/rate",
                    Map.of("satisfaction", "SATISFIED", "_csrf", csrf));
            assertThat(rated.statusCode()).isEqualTo(200);
        }

        HttpResponse<String> stopped = guesser.get("/r/track/" + real);
        HttpResponse<String> rating =
                guesser.postForm("/r/track/" + real + "/rate", Map.of("satisfaction", "SATISFIED", "_csrf", csrf));

        assertThat(stopped.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(stopped.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(3500L, 3600L);
        assertThat(rating.statusCode()).isEqualTo(429);
        assertThat(new Http(port).from("198.51.100.77").get("/r/track/" + real).statusCode())
                .isEqualTo(200);
    }
}
