package org.onegrid.staff.web;

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

/** A signed-in browser without a browser, for the admin pages: a session cookie, the CSRF token of the last page, form posts. */
final class AdminSession {

    private static final Pattern CSRF =
            Pattern.compile("name=\"_csrf\"[^>]*content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private String csrf;

    private AdminSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    static AdminSession signIn(int port, String username) {
        return signIn(port, username, "Demo@2026");
    }

    static AdminSession signIn(int port, String username, String password) {
        AdminSession pages = new AdminSession(port);
        pages.get("/login");
        HttpResponse<String> home = pages.post("/login", Map.of("username", username, "password", password));
        assertThat(home.uri().getPath())
                .as("signed in as " + username + " → " + home.uri())
                .doesNotContain("/login");
        return pages;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, new java.util.ArrayList<>(form.entrySet()));
    }

    /** A form post where a name may occur more than once, as checkboxes send it. */
    HttpResponse<String> post(String path, java.util.List<Map.Entry<String, String>> form) {
        java.util.List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(form);
        fields.add(Map.entry("_csrf", csrf));
        String body = fields.stream()
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

    /** The value of a hidden input of a page, e.g. {@code version}. */
    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("hidden field " + name).isTrue();
        return m.group(1);
    }
}
