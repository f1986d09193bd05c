package org.onegrid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the OpenAPI document of the running application and sends every operation generated malformed input — values
 * of the wrong type, control characters, unpaired surrogates, over-long texts, extreme numbers and days, repeated
 * parameters, broken percent-encoding, file names with a NUL — and requires of each answer a {@code 4xx} in the
 * caller's format (problem details under {@code /api}, error arrays under {@code /open311}), and of the whole run
 * that nothing changed. The values are generated from a fixed seed, so a failure repeats.
 */
@IntegrationTest
class MalformedInputTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Bodies go out with every character outside ASCII escaped: a lone surrogate has no UTF-8 form and would reach the
     * server as "?", never tested; as {@code \uD800} it reaches the server's JSON reader as the client sent it.
     */
    private static final JsonMapper ESCAPING = JsonMapper.builder()
            .enable(tools.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    /** What every text must refuse: the control characters, the non-character, a lone surrogate. */
    private static final char[] FORBIDDEN = {
        '\u0000', '\u0001', '\u0008', '\u000B', '\u001B', '\u001F', '\uFFFF', '\uD800'
    };

    /** The tables whose rows a refused request must leave as they were (counts and versions). */
    private static final List<String> STATE = List.of(
            "SELECT count(*) FROM incident",
            "SELECT coalesce(sum(version), 0) FROM incident",
            "SELECT count(*) FROM incident_history",
            "SELECT count(*) FROM case_attachment",
            "SELECT count(*) FROM incident_idempotency",
            "SELECT count(*) FROM notification",
            "SELECT count(*) FROM notification_read",
            "SELECT count(*) FROM hotline_order",
            "SELECT count(*) FROM hotline_category",
            "SELECT count(*) FROM catalog_category",
            "SELECT count(*) FROM catalog_item",
            "SELECT coalesce(sum(version), 0) FROM catalog_item",
            "SELECT count(*) FROM staff_user",
            "SELECT coalesce(sum(version), 0) FROM staff_user",
            "SELECT count(*) FROM organisation",
            "SELECT count(*) FROM grid",
            "SELECT count(*) FROM open311_client",
            "SELECT count(*) FROM cascade_statistics_sent");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(20261203L);
    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    void everyOperationAnswersMalformedInputWithA4xxInItsFormatAndChangesNothing() throws Exception {
        JsonNode doc =
                JSON.readTree(send("GET", "/v3/api-docs", null, null, null).body());
        String admin = token("admin");
        String leader = token("leader");
        String incident = jdbc.queryForObject(
                "SELECT id::text FROM incident WHERE status NOT IN ('CLOSED', 'REJECTED', 'MERGED') LIMIT 1",
                String.class);
        List<Long> before = state();

        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        doc.get("paths").properties().iterator();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops =
                            path.getValue().properties().iterator();
                    ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                String user = path.getKey().startsWith("/api/v1/incidents") ? leader : admin;
                probe(doc, method, path.getKey(), op.getValue(), user, incident);
                operations++;
            }
        }

        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(40);
        assertThat(failures)
                .as(failures.size() + " of " + sent + " malformed requests")
                .isEmpty();
        assertThat(state()).as("rows and versions after the malformed requests").isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------------------

    private void probe(JsonNode doc, String method, String template, JsonNode op, String user, String incident)
            throws Exception {
        List<JsonNode> parameters = new ArrayList<>();
        op.path("parameters").forEach(parameters::add);
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (JsonNode p : parameters) {
            if ("path".equals(p.path("in").asString())) {
                pathValues.put(p.get("name").asString(), plausible(p, incident));
            }
        }
        String path = fill(template, pathValues);
        JsonNode bodySchema = resolve(
                doc,
                op.path("requestBody").path("content").path("application/json").path("schema"));
        JsonNode multipart = resolve(
                doc,
                op.path("requestBody")
                        .path("content")
                        .path("multipart/form-data")
                        .path("schema"));
        String what = method + " " + template;

        // path parameters: a NUL, a broken escape, a value of the wrong type
        for (String name : pathValues.keySet()) {
            for (String bad : List.of("%00", "%01x", "%EF%BF%BF")) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(name, bad);
                check(
                        what + " {" + name + "}=" + bad,
                        template,
                        send(method, fillRaw(template, values), user, "{}", "application/json"));
            }
            Map<String, String> raw = new LinkedHashMap<>(pathValues);
            raw.put(name, "%ZZ");
            checkRaw(what + " {" + name + "}=%ZZ", template, raw(method, fillRaw(template, raw), user));
        }

        // query parameters: malformed values by type, repeated, broken percent-encoding
        for (JsonNode p : parameters) {
            if (!"query".equals(p.path("in").asString())) {
                continue;
            }
            String name = p.get("name").asString();
            JsonNode schema = resolve(doc, p.path("schema"));
            boolean list = "array".equals(schema.path("type").asString());
            if ("object".equals(schema.path("type").asString())) {
                // a map of every parameter (Open311): probe the names the resource documents
                name = "description";
            }
            for (String bad : queryValues(list ? resolve(doc, schema.path("items")) : schema)) {
                String query = encode(name) + "=" + encode(bad);
                check(
                        what + " ?" + name + "=" + visible(bad),
                        template,
                        send(method, path + "?" + query, user, body(method, bodySchema), "application/json"));
            }
            if (!list && !"object".equals(schema.path("type").asString())) {
                String twice = encode(name) + "=" + encode(plainValue(schema)) + "&" + encode(name) + "="
                        + encode(plainValue(schema));
                check(
                        what + " ?" + name + " twice",
                        template,
                        send(method, path + "?" + twice, user, body(method, bodySchema), "application/json"));
            }
            for (String raw : List.of("%ZZ", "%E0%A4", "100%", "%ED%A0%80")) {
                checkRaw(what + " ?" + name + "=" + raw, template, raw(method, path + "?" + name + "=" + raw, user));
            }
        }
        checkRaw(what + " ?%%%=&&&", template, raw(method, path + "?%%%=&&&", user));

        // JSON body: each property malformed in turn, the body not JSON at all
        if (!bodySchema.isMissingNode()) {
            JsonNode properties = bodySchema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> fields =
                            properties.properties().iterator();
                    fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                for (JsonNode bad : bodyValues(resolve(doc, field.getValue()))) {
                    ObjectNode body = JSON.createObjectNode();
                    body.set(field.getKey(), bad);
                    check(
                            what + " " + field.getKey() + "=" + visible(String.valueOf(bad)),
                            template,
                            send(method, path, user, ESCAPING.writeValueAsString(body), "application/json"));
                }
            }
            check(what + " body {", template, send(method, path, user, "{", "application/json"));
            check(what + " body [1]", template, send(method, path, user, "[1]", "application/json"));
        }

        // uploads: a file whose name holds a NUL
        if (!multipart.isMissingNode()) {
            for (Iterator<String> parts =
                            multipart.path("properties").propertyNames().iterator();
                    parts.hasNext(); ) {
                String part = parts.next();
                check(what + " " + part + " named with NUL", template, upload(path, user, part, "photo\u0000.jpg"));
            }
        }
    }

    /** Query values that no parameter of this schema may take. */
    private List<String> queryValues(JsonNode schema) {
        String type = schema.path("type").asString("string");
        String format = schema.path("format").asString("");
        List<String> values = new ArrayList<>();
        values.add(forbiddenText(true));
        values.add(forbiddenText(true));
        values.add("x".repeat(10_001));
        switch (type) {
            case "integer" -> {
                values.addAll(List.of("abc", "1.5", "99999999999999999999", "-9223372036854775809"));
                if ("int32".equals(format)) {
                    values.add("2147483648");
                }
            }
            case "number" -> values.addAll(List.of("abc", "1e400", "-1e400", "NaN", "Infinity", "0x1p3"));
            case "boolean" -> values.addAll(List.of("maybe", "2"));
            default -> {
                if (format.equals("date")) {
                    values.addAll(List.of("-999999999-01-01", "+999999999-12-31", "2026-13-45", "0000-00-00"));
                } else if (format.equals("date-time")) {
                    values.addAll(List.of("-999999999-01-01T00:00:00Z", "2026-02-30T25:61:00Z"));
                } else if (format.equals("uuid")) {
                    values.add("not-a-uuid");
                }
            }
        }
        if (schema.has("enum")) {
            values.add("NO_SUCH_VALUE");
        }
        return values;
    }

    /** JSON values that no property of this schema may take. */
    private List<JsonNode> bodyValues(JsonNode schema) {
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        List<Object> values = new ArrayList<>();
        switch (type) {
            case "integer" ->
                values.addAll(List.of(1.5, "5", true, new java.math.BigInteger("99999999999999999999"), List.of(1)));
            case "number" -> values.addAll(List.of("1.5", true, List.of(1), Map.of("a", 1)));
            case "boolean" -> values.addAll(List.of(2, 0, "true", 1.5));
            case "array" -> {
                values.addAll(List.of("not a list", 5, Map.of("a", 1)));
                JsonNode items = schema.path("items");
                if ("string".equals(items.path("type").asString())) {
                    values.add(List.of(forbiddenText(false)));
                    values.add(List.of(5));
                }
            }
            case "object" -> values.addAll(List.of(5, "x", List.of(1)));
            default -> {
                values.addAll(List.of(5, 1.5, true, List.of("a"), Map.of("a", "b")));
                values.add(forbiddenText(false));
                values.add(forbiddenText(false));
                values.add("长".repeat(100_000));
                if ("uuid".equals(schema.path("format").asString(""))) {
                    values.add("not-a-uuid");
                }
            }
        }
        List<JsonNode> nodes = new ArrayList<>();
        for (Object value : values) {
            nodes.add(JSON.valueToTree(value));
        }
        return nodes;
    }

    /**
     * A Chinese or Latin text with one character no text may hold, at a random place; in a URL not a lone surrogate,
     * which UTF-8 cannot encode (its bytes go in the raw probes).
     */
    private String forbiddenText(boolean inUrl) {
        String text = random.nextBoolean() ? "小区门口烧烤摊占道经营" : "street light out";
        int at = random.nextInt(text.length() + 1);
        char bad = FORBIDDEN[random.nextInt(FORBIDDEN.length - (inUrl ? 1 : 0))];
        return text.substring(0, at) + bad + text.substring(at);
    }

    private static String plainValue(JsonNode schema) {
        return switch (schema.path("type").asString("string")) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> schema.has("enum") ? schema.get("enum").get(0).asString() : "x";
        };
    }

    private static String plausible(JsonNode parameter, String incident) {
        String name = parameter.get("name").asString();
        JsonNode schema = parameter.path("schema");
        if ("uuid".equals(schema.path("format").asString(""))) {
            return incident;
        }
        if ("integer".equals(schema.path("type").asString(""))) {
            return "1";
        }
        return switch (name) {
            case "format" -> "json";
            case "file" -> "x.json";
            case "code" -> "CSGL-001";
            case "action" -> "accept";
            default -> "x";
        };
    }

    private static String body(String method, JsonNode schema) {
        return schema.isMissingNode() || method.equals("GET") || method.equals("DELETE") ? null : "{}";
    }

    // ---------------------------------------------------------------------------------------------------------
    // What an answer must be

    private void check(String what, String template, Answer answer) {
        sent++;
        int status = answer.status();
        if (page(template) && status == 302 && answer.location().contains("/login")) {
            // a page that needs a session, asked without one: nothing was read
            return;
        }
        if (status < 400 || status > 499) {
            failures.add(what + " -> " + status + " " + abbreviate(answer.body()));
            return;
        }
        String type = answer.contentType() == null ? "" : answer.contentType().toLowerCase(Locale.ROOT);
        if (template.startsWith("/open311")) {
            boolean array = type.startsWith("application/json")
                    ? answer.body().startsWith("[{\"code\":" + status)
                    : type.startsWith("text/xml") && answer.body().contains("<errors><error><code>" + status);
            if (!array) {
                failures.add(what + " -> " + status + " not an Open311 error array: " + type + " "
                        + abbreviate(answer.body()));
            }
        } else if (page(template)) {
            if (!type.startsWith("text/html") || !answer.body().contains("lang=\"zh-CN\"")) {
                failures.add(what + " -> " + status + " not the error page: " + type + " " + abbreviate(answer.body()));
            }
        } else if (!type.startsWith("application/problem+json")) {
            failures.add(what + " -> " + status + " not problem details: " + type + " " + abbreviate(answer.body()));
        } else {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem.path("status").asInt() != status || !problem.has("title")) {
                failures.add(what + " -> " + status + " malformed problem: " + abbreviate(answer.body()));
            }
        }
    }

    /** A raw request whose body is not read here: the status and the content type must be right. */
    private void checkRaw(String what, String template, Answer answer) {
        sent++;
        int status = answer.status();
        String type = answer.contentType() == null ? "" : answer.contentType().toLowerCase(Locale.ROOT);
        boolean format = template.startsWith("/open311")
                ? type.startsWith("application/json") || type.startsWith("text/xml")
                : page(template) ? type.startsWith("text/html") : type.startsWith("application/problem+json");
        if (status < 400 || status > 499 || !format) {
            failures.add(what + " -> " + status + " " + type);
        }
    }

    /** A page (an HTML fragment the pages fetch), neither the API nor Open311. */
    private static boolean page(String template) {
        return !template.startsWith("/api/") && !template.startsWith("/open311");
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String visible(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> {
            if (c < 0x20 || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.length() > 40 ? out + "…(" + text.length() + ")" : out.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // HTTP

    record Answer(int status, String contentType, String body, String location) {

        Answer(int status, String contentType, String body) {
            this(status, contentType, body, "");
        }
    }

    private String token(String username) throws Exception {
        Answer r = send(
                "POST",
                "/api/v1/auth/token",
                null,
                JSON.writeValueAsString(Map.of("username", username, "password", "Demo@2026")),
                "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("token").asString();
    }

    private Answer send(String method, String pathAndQuery, String token, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(null),
                    r.body(),
                    r.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer upload(String path, String token, String part, String fileName) {
        String boundary = "----malformed" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(null),
                    r.body(),
                    r.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request sent as written, for what {@link HttpClient} refuses to send (a {@code %} not followed by two hex
     * digits); only the status line and the content type are read.
     */
    private Answer raw(String method, String pathAndQuery, String token) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = method + " " + pathAndQuery + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + (method.equals("GET") || method.equals("DELETE")
                            ? ""
                            : "Content-Type: application/json\r\nContent-Length: 2\r\n")
                    + "Connection: close\r\n\r\n"
                    + (method.equals("GET") || method.equals("DELETE") ? "" : "{}");
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String[] lines = response.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String contentType = null;
            for (String line : lines) {
                if (line.isEmpty()) {
                    break;
                }
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).strip();
                }
            }
            return new Answer(status, contentType, null);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private List<Long> state() {
        return STATE.stream().map(sql -> jdbc.queryForObject(sql, Long.class)).toList();
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 5 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asString();
            current = doc.at(ref.substring(1));
        }
        return current;
    }

    private static String fill(String template, Map<String, String> values) {
        return fillWith(template, values, MalformedInputTests::encodePath);
    }

    private static String fillRaw(String template, Map<String, String> values) {
        return fillWith(template, values, Function.identity());
    }

    private static String fillWith(String template, Map<String, String> values, Function<String, String> encode) {
        String path = template;
        for (Map.Entry<String, String> each : values.entrySet()) {
            path = path.replace("{" + each.getKey() + "}", encode.apply(each.getValue()));
        }
        return path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encodePath(String value) {
        return encode(value).replace("+", "%20");
    }
}
