package org.onegrid.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A browser-less client against the running application: JSON API calls with tokens, and form pages with cookies. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private final Map<String, String> proxyHeaders = new java.util.LinkedHashMap<>();

    /** A client that follows no redirects; with {@code cookies}, it keeps a session like a browser. */
    Http(int port, boolean cookies) {
        this.base = "http://localhost:" + port;
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (cookies) {
            builder.cookieHandler(new CookieManager());
        }
        this.client = builder.build();
    }

    Http(int port) {
        this(port, false);
    }

    /** Every request as the local reverse proxy forwards one from a client at {@code address}. */
    Http from(String address) {
        proxyHeaders.put("X-Forwarded-For", address);
        return this;
    }

    /** Every request as the local reverse proxy forwards one that reached it over HTTPS. */
    Http overHttps() {
        proxyHeaders.put("X-Forwarded-Proto", "https");
        return this;
    }

    HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    HttpResponse<String> get(String path) {
        return get(path, null);
    }

    HttpResponse<String> postJson(String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        body instanceof String s ? s : JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The CSRF token of the form on a page (fetching it also starts the session). */
    String csrf(String page) {
        HttpResponse<String> response = get(page);
        Matcher m = CSRF.matcher(response.body());
        assertThat(m.find()).as("CSRF token on " + page).isTrue();
        return m.group(1);
    }

    HttpResponse<String> token(String username, String password) {
        return postJson("/api/v1/auth/token", null, Map.of("username", username, "password", password));
    }

    /** Signs in through the API and returns the bearer token. */
    String login(String username, String password) {
        HttpResponse<String> response = token(username, password);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("token").asString();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        proxyHeaders.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
