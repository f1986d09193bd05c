package org.onegrid.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the running application: the API as demo accounts, the hotline's signed pushes, console pages. */
public final class Client {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String SECRET = "test-hotline-secret";
    private static final String PASSWORD = "Demo@2026";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;

    public Client(int port) {
        this(port, false);
    }

    private Client(int port, boolean cookies) {
        this.base = "http://localhost:" + port;
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (cookies) {
            builder.cookieHandler(new CookieManager());
        }
        this.client = builder.build();
    }

    public String token(String username) {
        return TOKENS.computeIfAbsent(base + " " + username, k -> {
            HttpResponse<String> r =
                    post("/api/v1/auth/token", null, Map.of("username", username, "password", PASSWORD));
            assertThat(r.statusCode())
                    .as("sign-in of " + username + ": " + r.body())
                    .isEqualTo(200);
            return json(r).get("token").asString();
        });
    }

    public HttpResponse<String> get(String path, String user) {
        return send(authorised(HttpRequest.newBuilder(URI.create(base + path)).GET(), user));
    }

    public HttpResponse<String> post(String path, String user, Object body) {
        return send(authorised(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                body instanceof String s ? s : JSON.writeValueAsString(body))),
                user));
    }

    public HttpResponse<String> put(String path, String user, Object body) {
        return send(authorised(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
                user));
    }

    public HttpResponse<String> delete(String path, String user) {
        return send(authorised(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), user));
    }

    /** A push to the hotline webhook with the given headers (none: unsigned). */
    public HttpResponse<String> pushWith(String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/hotline/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** A push signed as the hotline signs it: now, with the shared secret. */
    public HttpResponse<String> push(Object order) {
        String body = order instanceof String s ? s : JSON.writeValueAsString(order);
        long now = java.time.Instant.now().getEpochSecond();
        return pushWith(
                body,
                Map.of("X-Hotline-Timestamp", Long.toString(now), "X-Hotline-Signature", sign(SECRET, now, body)));
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of()
                    .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser session of the console, signed in through the login form. */
    public static Client console(int port, String username) {
        Client browser = new Client(port, true);
        String csrf = browser.csrf("/login");
        HttpResponse<String> login =
                browser.form("/login", Map.of("username", username, "password", PASSWORD, "_csrf", csrf));
        assertThat(login.statusCode()).as("form sign-in of " + username).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    public String csrf(String page) {
        Matcher m = CSRF.matcher(get(page, null).body());
        assertThat(m.find()).as("CSRF token on " + page).isTrue();
        return m.group(1);
    }

    public HttpResponse<String> form(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A photo as evidence: a small real PNG. */
    public static byte[] png() {
        try {
            java.awt.image.BufferedImage image =
                    new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request, String user) {
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
