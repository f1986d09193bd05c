package org.onegrid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON client for the running application's API, signed in with a bearer token like any API client. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String PASSWORD = "Demo@2026";

    private final String base;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String token;

    private Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Signs in as a demo account. */
    public static Api as(int port, String username) {
        Api anonymous = new Api("http://localhost:" + port, null);
        HttpResponse<String> issued =
                anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return new Api(anonymous.base, json(issued).get("token").asString());
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, Object body) {
        return send(request(path).POST(body(body)));
    }

    public HttpResponse<String> put(String path, Object body) {
        return send(request(path).PUT(body(body)));
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        return HttpRequest.BodyPublishers.ofString(
                body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body));
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
