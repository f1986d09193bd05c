package org.onegrid.integration.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin page of Open311 clients: an administrator issues a key there and sees it once; others may not. */
@IntegrationTest
class Open311AdminPageTests {

    private static final Pattern CSRF =
            Pattern.compile("name=\"_csrf\"[^>]*content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("<code class=\"key\">(o311_[^<]+)</code>");

    @LocalServerPort
    int port;

    @Test
    void anAdministratorIssuesAKeyOnThePageAndSeesItOnlyOnce() {
        Session admin = new Session(port, "admin");
        String name = "网格通 " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> issued = admin.post("/admin/open311", Map.of("name", name, "contact", "0546-7654321"));

        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.uri().getPath()).isEqualTo("/admin/open311");
        Matcher key = KEY.matcher(issued.body());
        assertThat(key.find()).as(issued.body()).isTrue();
        assertThat(issued.body()).contains(name).contains(key.group(1).substring(0, 12) + "…");

        HttpResponse<String> again = admin.get("/admin/open311");
        assertThat(again.body()).contains(name).doesNotContain(key.group(1));

        HttpResponse<String> nameless = admin.post("/admin/open311", Map.of("name", " "));
        assertThat(nameless.body()).contains("name is required");
    }

    @Test
    void onlyAdministratorsGetThePage() {
        Session dispatcher = new Session(port, "city.dispatcher");
        assertThat(dispatcher.get("/admin/open311").statusCode()).isEqualTo(403);
        assertThat(dispatcher.post("/admin/open311", Map.of("name", "越权")).statusCode())
                .isEqualTo(403);
    }

    /** A signed-in browser without a browser: a session cookie, the CSRF token of the last page, form posts. */
    static final class Session {
        private final String base;
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        private String csrf;

        Session(int port, String username) {
            this.base = "http://localhost:" + port;
            get("/login");
            HttpResponse<String> home = post("/login", Map.of("username", username, "password", "Demo@2026"));
            assertThat(home.uri().getPath()).doesNotContain("/login");
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.put("_csrf", csrf);
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                Matcher token = CSRF.matcher(response.body());
                if (token.find()) {
                    csrf = token.group(1) != null ? token.group(1) : token.group(2);
                }
                return response;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
