package org.onegrid.integration.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.region.Grids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed requests to Open311 — broken percent-encoding, a body over the limit, a control character, a resource,
 * method or format that does not exist — are answered with the specification's error array in the format the path
 * names, never a 500, a problem document or an HTML page, and create nothing.
 */
@IntegrationTest
class GeoReportMalformedInputTests {

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    JdbcClient jdbc;

    Open311Http http;
    Spot spot;
    String apiKey;

    @BeforeEach
    void setUp() {
        http = new Open311Http(port);
        spot = Spot.of(grids, Spot.DONGYING_DISTRICT, 4);
        apiKey = http.issueKey("畸形输入 " + UUID.randomUUID());
    }

    @Test
    void brokenPercentEncodingInABodyOrAQueryIsA400ErrorArray() throws IOException {
        long before = incidents();
        String key = "api_key=" + apiKey + "&service_code=CSGL-007&lat=" + spot.lat() + "&long=" + spot.lng();

        assertErrorArray(raw("POST", "/open311/v2/requests.json", key + "&description=100%"), 400, "json");
        assertErrorArray(raw("POST", "/open311/v2/requests.xml", key + "&description=%E0%A4"), 400, "xml");
        assertErrorArray(raw("GET", "/open311/v2/requests.json?status=%ZZ", null), 400, "json");
        assertErrorArray(raw("GET", "/open311/v2/requests.xml?start_date=%E0%A4", null), 400, "xml");
        assertErrorArray(raw("GET", "/open311/v2/requests.json?%%%=&&&", null), 400, "json");

        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void aBodyOverTwoMegabytesIsA413ErrorArray() throws IOException {
        long before = incidents();
        String body = "api_key=" + apiKey + "&service_code=CSGL-007&description=" + "x".repeat(2_200_000);

        assertErrorArray(raw("POST", "/open311/v2/requests.json", body), 413, "json");
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void aControlCharacterInADescriptionIsRefusedAndCreatesNothing() {
        long before = incidents();
        for (String bad : new String[] {"路灯不亮\u0001", "从微信粘贴\u000B的描述", "\u0000"}) {
            List<String[]> fields = new ArrayList<>();
            fields.add(new String[] {"api_key", apiKey});
            fields.add(new String[] {"service_code", "CSGL-007"});
            fields.add(new String[] {"lat", String.valueOf(spot.lat())});
            fields.add(new String[] {"long", String.valueOf(spot.lng())});
            fields.add(new String[] {"description", bad});
            HttpResponse<String> r = http.post("/open311/v2/requests.xml", fields);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("<errors><error><code>400</code>", "description");
        }
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void anUnknownResourceMethodOrFormatIsAnErrorArray() throws Exception {
        HttpResponse<String> missing = http.get("/open311/v2/nothing.json");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).startsWith("[{\"code\":404,");

        HttpResponse<String> missingXml = http.get("/open311/v2/nothing.xml");
        assertThat(missingXml.statusCode()).isEqualTo(404);
        assertThat(missingXml.body()).contains("<errors><error><code>404</code>");

        HttpResponse<String> method = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/open311/v2/services.json"))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.body()).startsWith("[{\"code\":405,");

        HttpResponse<String> format = http.get("/open311/v2/services.csv");
        assertThat(format.statusCode()).isEqualTo(404);
        assertThat(format.body()).contains("<errors><error><code>404</code>");
    }

    private long incidents() {
        return jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();
    }

    record Answer(int status, String contentType, String body) {}

    /** Sent as written: {@link HttpClient} refuses to send a {@code %} without two hex digits. */
    private Answer raw(String method, String pathAndQuery, String form) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.US_ASCII);
            String head = method + " " + pathAndQuery + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + (form == null
                            ? ""
                            : "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                                    + "\r\n")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                socket.getOutputStream().write(body);
            } catch (IOException closed) {
                // the server may answer and close before it has read a body it refuses
            }
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, split).split("\r\n");
            String contentType = "";
            for (String line : lines) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).strip();
                }
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), contentType, response.substring(split + 4));
        }
    }

    private static void assertErrorArray(Answer answer, int status, String format) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        if (format.equals("json")) {
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(answer.body()).contains("[{\"code\":" + status + ",\"description\":");
        } else {
            assertThat(answer.contentType()).startsWith("text/xml");
            assertThat(answer.body()).contains("<errors><error><code>" + status + "</code><description>");
        }
    }
}
