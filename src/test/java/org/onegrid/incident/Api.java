package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the running application's API, signed in as demo accounts by username. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "Demo@2026";

    // Tokens live for hours; signing in once per account keeps the tests fast.
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().build();

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    String token(String username) {
        return TOKENS.computeIfAbsent(base + " " + username, k -> {
            HttpResponse<String> r = send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    JSON.writeValueAsString(Map.of("username", username, "password", PASSWORD)))),
                    null);
            assertThat(r.statusCode())
                    .as("sign-in of " + username + ": " + r.body())
                    .isEqualTo(200);
            return JSON.readTree(r.body()).get("token").asString();
        });
    }

    HttpResponse<String> get(String user, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), user);
    }

    HttpResponse<byte[]> getBytes(String user, String path) {
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + token(user))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String user, String path, Object body) {
        return post(user, path, body, Map.of());
    }

    HttpResponse<String> post(String user, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        body instanceof String s ? s : JSON.writeValueAsString(body == null ? Map.of() : body)));
        headers.forEach(request::header);
        return send(request, user);
    }

    HttpResponse<String> put(String user, String path, String body) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)),
                user);
    }

    /** Uploads a file as the multipart field {@code file}. */
    HttpResponse<String> upload(String user, String filename, byte[] data) {
        String boundary = "----onegrid" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(data);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents/photos"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
                user);
    }

    /** Uploads a small JPEG and returns its id. */
    String photo(String user) {
        HttpResponse<String> r = upload(user, "photo.jpg", Photos.jpeg());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asString();
    }

    /** Posts an action and expects it to succeed; returns the incident as it is afterwards. */
    JsonNode act(String user, String id, String action, Object body) {
        HttpResponse<String> r = post(user, "/api/v1/incidents/" + id + "/" + action, body);
        assertThat(r.statusCode()).as(user + " " + action + ": " + r.body()).isEqualTo(200);
        return json(r);
    }

    JsonNode incident(String user, String id) {
        HttpResponse<String> r = get(user, "/api/v1/incidents/" + id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    JsonNode history(String user, String id) {
        HttpResponse<String> r = get(user, "/api/v1/incidents/" + id + "/history");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user) {
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
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
