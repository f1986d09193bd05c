package org.onegrid.integration.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An Open311 client of the running application (form posts, JSON and XML), and the staff API where a test acts. */
final class Open311Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().build();

    Open311Http(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET with headers, e.g. those a reverse proxy adds. */
    HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** A form post; {@code fields} are name-value pairs, a name may come more than once. */
    HttpResponse<String> post(String path, List<String[]> fields, Map<String, String> headers) {
        String form = fields.stream()
                .map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f[1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<String> post(String path, List<String[]> fields) {
        return post(path, fields, Map.of());
    }

    /** A staff API call as a demo account (password Demo@2026). */
    HttpResponse<String> api(String user, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return send(request);
    }

    /** Posts an incident action as a demo account and expects it to succeed. */
    JsonNode act(String user, String id, String action, Object body) {
        HttpResponse<String> r = api(user, "POST", "/api/v1/incidents/" + id + "/" + action, body);
        assertThat(r.statusCode()).as(user + " " + action + ": " + r.body()).isEqualTo(200);
        return json(r);
    }

    /** Uploads a small JPEG as a demo account (evidence for an action) and returns its id. */
    String photo(String user) {
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(
                    new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String boundary = "----open311" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"after.jpg\""
                        + "\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jpeg.toByteArray());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents/photos"))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asString();
    }

    /** Issues a new Open311 client as the administrator and returns its API key. */
    String issueKey(String name) {
        HttpResponse<String> r = api("admin", "POST", "/api/v1/open311/clients", Map.of("name", name));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("apiKey").asString();
    }

    String token(String username) {
        return TOKENS.computeIfAbsent(base + " " + username, k -> {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("username", username, "password", "Demo@2026")))));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return json(r).get("token").asString();
        });
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static Document xml(HttpResponse<String> response) {
        try {
            return DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("Not XML: " + response.body(), e);
        }
    }

    /** The names of an element's child elements, in order. */
    static List<String> children(Element element) {
        List<String> names = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                names.add(e.getTagName());
            }
        }
        return names;
    }

    static List<Element> elements(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    static String text(Element parent, String name) {
        List<Element> found = elements(parent, name);
        assertThat(found).as("<" + name + "> in <" + parent.getTagName() + ">").hasSize(1);
        return found.get(0).getTextContent();
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
