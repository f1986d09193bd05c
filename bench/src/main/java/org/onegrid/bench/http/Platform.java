package org.onegrid.bench.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running platform as its API clients see it: bearer tokens per demo account, JSON requests, photo uploads. One
 * {@link HttpClient} over HTTP/1.1 with keep-alive, as a phone app or a gateway in front of the platform would use.
 */
final class Platform {

    static final String PASSWORD = "Demo@2026";

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger unexpected = new AtomicInteger();

    Platform(String base) {
        this.base = base;
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "http-client");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(executor)
                .build();
    }

    String base() {
        return base;
    }

    /** Signs the accounts in, a few at a time (a sign-in checks a password hash, deliberately slow). */
    void signIn(List<String> usernames) {
        long started = System.nanoTime();
        usernames.parallelStream().forEach(this::token);
        System.out.printf("  signed in %d accounts in %.1f s%n", usernames.size(), (System.nanoTime() - started) / 1e9);
    }

    String token(String username) {
        return tokens.computeIfAbsent(username, u -> {
            HttpResponse<String> r = sendNow(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + u + "\",\"password\":\"" + PASSWORD + "\"}"))
                    .build());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Sign-in of " + u + " answered " + r.statusCode() + ": " + r.body());
            }
            return first(TOKEN, r.body());
        });
    }

    /** A GET that must succeed, answered synchronously (set-up, not load). */
    String get(String username, String path) {
        HttpResponse<String> r = sendNow(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token(username))
                .GET()
                .build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    CompletableFuture<HttpResponse<String>> post(String username, String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(username))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Uploads a photo as the multipart field {@code file}. */
    CompletableFuture<HttpResponse<String>> upload(String username, byte[] jpeg) {
        String boundary = "----onegrid-bench";
        ByteArrayOutputStream body = new ByteArrayOutputStream(jpeg.length + 256);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"after.jpg\""
                        + "\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jpeg);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents/photos"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token(username))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Whether the response has the expected status; the first few surprises are printed with their problem detail,
     * so a failing run says why.
     */
    boolean expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() == status) {
            return true;
        }
        if (unexpected.incrementAndGet() <= 10) {
            String body = response.body();
            System.out.println("  " + what + " answered " + response.statusCode() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) : body));
        }
        return false;
    }

    /** The first {@code "id"} of a JSON answer: the incident's or the photo's. */
    static String id(String json) {
        return first(ID, json);
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("No " + pattern + " in " + text);
        }
        return m.group(1);
    }

    private HttpResponse<String> sendNow(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
