package org.onegrid.incident;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.catalog.Catalog;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The phone forms over plain HTTP, as a browser posts them: validation beside the fields, and one incident per form. */
@IntegrationTest
class ResidentAndMobileFormsTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    HttpClient client;

    @BeforeEach
    void setUp() {
        Dongying.catalog(catalog, staff);
        client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Test
    void aResidentsReportOutsideTheCityOrWithABadPhoneIsToldBesideTheFieldAndCreatesNothing() {
        String form = get("/r/report").body();
        long before = count();
        HttpResponse<String> outside = post(
                "/r/report",
                fields(
                        form,
                        Map.of("itemCode", Dongying.NOISE, "text", "噪音", "lng", "116.39", "lat", "39.9", "phone", "")));
        assertThat(outside.statusCode()).isEqualTo(200);
        assertThat(outside.body()).contains("该位置不在本市网格范围内");

        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 3);
        HttpResponse<String> badPhone = post(
                "/r/report",
                fields(
                        form,
                        Map.of(
                                "itemCode",
                                Dongying.NOISE,
                                "text",
                                "噪音",
                                "lng",
                                String.valueOf(spot.lng()),
                                "lat",
                                String.valueOf(spot.lat()),
                                "phone",
                                "call me")));
        assertThat(badPhone.body()).contains("请填写正确的手机号");
        HttpResponse<String> empty = post("/r/report", fields(form, Map.of("text", " ")));
        assertThat(empty.body()).contains("请选择事件类型", "请填写情况描述", "请先定位或在地图上点选位置");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aDoubleTapOnAResidentsFormCreatesOneIncidentWithOneCode() {
        String form = get("/r/report").body();
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 5);
        Map<String, String> report = fields(
                form,
                Map.of(
                        "itemCode",
                        Dongying.NOISE,
                        "text",
                        "凌晨装修电钻声",
                        "lng",
                        String.valueOf(spot.lng()),
                        "lat",
                        String.valueOf(spot.lat()),
                        "phone",
                        "0546-8888888"));
        long before = count();
        HttpResponse<String> first = post("/r/report", report);
        HttpResponse<String> second = post("/r/report", report);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(location(second)).isEqualTo(location(first)).contains("/r/track/");
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aResidentWhoRatesBeforeTheIncidentIsClosedIsToldWhyInTheirLanguage() {
        String form = get("/r/report").body();
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 6);
        HttpResponse<String> reported = post(
                "/r/report",
                fields(
                        form,
                        Map.of(
                                "itemCode",
                                Dongying.NOISE,
                                "text",
                                "提前评价测试：楼上跺脚",
                                "lng",
                                String.valueOf(spot.lng()),
                                "lat",
                                String.valueOf(spot.lat()),
                                "phone",
                                "")));
        String track = location(reported).replaceAll("^https?://[^/]+", "").replaceAll("[?#].*$", "");

        HttpResponse<String> early = post(track + "/rate", fields(form, Map.of("satisfaction", "SATISFIED")));

        assertThat(early.statusCode()).isEqualTo(200);
        assertThat(early.body()).contains("操作未成功：事件当前为“待受理”，不能评价").doesNotContain("not possible");
    }

    @Test
    void aDoubleTapOnTheGridWorkersFormCreatesOneIncident() {
        String login = get("/login").body();
        HttpResponse<String> signedIn =
                post("/login", fields(login, Map.of("username", "gridworker", "password", "Demo@2026")));
        assertThat(location(signedIn)).doesNotContain("error");
        String form = get("/m/report").body();
        String grid = staff.gridsOf(Dongying.principal(staff, "gridworker").userId()).stream()
                .map(g -> g.gridCode())
                .sorted()
                .findFirst()
                .orElseThrow();
        var inside = grids.geometry(grid).orElseThrow().getInteriorPoint();
        Map<String, String> report = fields(
                form,
                Map.of(
                        "itemCode",
                        Dongying.NOISE,
                        "text",
                        "双击测试：楼道堆物",
                        "lng",
                        String.valueOf(inside.getX()),
                        "lat",
                        String.valueOf(inside.getY())));
        long before = count();
        HttpResponse<String> first = multipart("/m/report", report);
        HttpResponse<String> second = multipart("/m/report", report);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
        assertThat(location(first)).contains("/m/i/");
        assertThat(location(second)).isEqualTo(location(first));
        assertThat(count()).isEqualTo(before + 1);
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();
    }

    static Map<String, String> fields(String page, Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        all.put("_csrf", csrf.group(1));
        Matcher key = KEY.matcher(page);
        if (key.find()) {
            all.put("key", key.group(1));
        }
        all.putAll(values);
        return all;
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET());
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> multipart(String path, Map<String, String> fields) {
        String boundary = "----onegrid" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
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
