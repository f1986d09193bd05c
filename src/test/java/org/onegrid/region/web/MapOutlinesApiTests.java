package org.onegrid.region.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Geometry;
import org.onegrid.IntegrationTest;
import org.onegrid.region.Grids;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.shared.geo.GeoJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outlines for maps over real HTTP: small enough for a phone on a slow network, and still every grid, and only
 * what the caller's scope holds. The sizes measured are printed (see docs/PERFORMANCE.md, "Map outlines").
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapOutlinesApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The zoom at which a county fills a map of about 1,000 pixels: what /map asks for a county's grids. */
    static final int COUNTY_ZOOM = 12;

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    Regions regions;

    final HttpClient http = HttpClient.newHttpClient();
    String leader;
    String townDispatcher;

    @BeforeAll
    void signIn() {
        leader = token("leader");
        townDispatcher = token("dawang.dispatcher");
    }

    @Test
    void theLargestCountysGridsComeDownInWellUnder300KbAndStillHoldEveryGridAsAValidShape() {
        RegionView county = regions.byLevel(RegionLevel.COUNTY).stream()
                .max(Comparator.comparingInt(c -> grids.inRegion(c.code()).size()))
                .orElseThrow();
        String full = "/api/v1/grids?region=" + county.code();
        String simplified = full + "&zoom=" + COUNTY_ZOOM;

        Fetched before = fetch(full, leader, false);
        Fetched beforeGzip = fetch(full, leader, true);
        Fetched after = fetch(simplified, leader, false);
        Fetched afterGzip = fetch(simplified, leader, true);
        System.out.printf(
                "Map outlines, %s (%d grids): full %d B, gzip %d B; zoom %d %d B, gzip %d B%n",
                county.name(),
                grids.inRegion(county.code()).size(),
                before.wire(),
                beforeGzip.wire(),
                COUNTY_ZOOM,
                after.wire(),
                afterGzip.wire());

        assertThat(afterGzip.gzipped()).isTrue();
        assertThat(afterGzip.wire()).isLessThan(300 * 1024 / 2);
        assertThat(afterGzip.body()).isEqualTo(after.body());

        JsonNode features = JSON.readTree(afterGzip.body()).get("features");
        Set<String> codes = new HashSet<>();
        for (JsonNode f : features) {
            String code = f.get("properties").get("code").asString();
            codes.add(code);
            Geometry shape = GeoJson.readPolygonal(f.get("geometry"));
            Geometry stored = grids.geometry(code).orElseThrow();
            assertThat(shape.isValid()).as(code).isTrue();
            // drawn at the zoom, a shape keeps its place and size: it holds a point inside the stored one, and its
            // area differs by no more than a fifth
            assertThat(shape.intersects(stored.getInteriorPoint().buffer(0.0005)))
                    .as(code)
                    .isTrue();
            assertThat(shape.getArea())
                    .as(code)
                    .isCloseTo(stored.getArea(), org.assertj.core.data.Percentage.withPercentage(20));
        }
        assertThat(codes)
                .containsExactlyInAnyOrderElementsOf(grids.inRegion(county.code()).stream()
                        .map(g -> g.code())
                        .toList());
    }

    @Test
    void townsAndVillagesHaveOutlinesWithTheirNamesAndWhereToWriteThem() {
        JsonNode towns = JSON.readTree(fetch("/api/v1/regions/370523/outlines?level=TOWN&zoom=11", leader, true)
                        .body())
                .get("features");
        assertThat(towns).hasSize(regions.children("370523").size());
        JsonNode dawang = find(towns, "370523101");
        assertThat(dawang.get("properties").get("name").asString()).isEqualTo("大王镇");
        Geometry shape = GeoJson.readPolygonal(dawang.get("geometry"));
        JsonNode label = dawang.get("properties").get("label");
        assertThat(shape.contains(GeoJson.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(
                        label.get(0).asDouble(), label.get(1).asDouble()))))
                .isTrue();

        JsonNode villages = JSON.readTree(
                        fetch("/api/v1/regions/370523101/outlines?level=VILLAGE&zoom=14", leader, true)
                                .body())
                .get("features");
        assertThat(villages).hasSize(regions.children("370523101").size());
    }

    @Test
    void aTownDispatcherGetsOnlyTheirTownAndNothingBeyondItAsIfItDidNotExist() {
        // 大王镇 (370523101) is theirs; 稻庄镇 (370523102) and 东营区 (370502) are not
        assertThat(fetch("/api/v1/regions/370523102/outlines?level=VILLAGE", townDispatcher, false)
                        .status())
                .isEqualTo(404);
        assertThat(fetch("/api/v1/grids?region=370523102", townDispatcher, false)
                        .status())
                .isEqualTo(404);
        assertThat(fetch("/api/v1/regions/370502", townDispatcher, false).status())
                .isEqualTo(404);
        String otherGrid = grids.inRegion("370523102").get(0).code();
        assertThat(fetch("/api/v1/grids/" + otherGrid, townDispatcher, false).status())
                .isEqualTo(404);
        Geometry other = grids.geometry(otherGrid).orElseThrow();
        var p = other.getInteriorPoint();
        assertThat(fetch("/api/v1/grids/locate?lng=" + p.getX() + "&lat=" + p.getY(), townDispatcher, false)
                        .status())
                .isEqualTo(404);
        assertThat(fetch("/api/v1/grids/locate?lng=" + p.getX() + "&lat=" + p.getY(), leader, false)
                        .status())
                .isEqualTo(200);

        // asking for the county or the city: the part they see
        JsonNode countyGrids = JSON.readTree(fetch("/api/v1/grids?region=370523&zoom=12", townDispatcher, true)
                        .body())
                .get("features");
        assertThat(countyGrids).hasSize(grids.inRegion("370523101").size());
        JsonNode counties = JSON.readTree(fetch("/api/v1/regions/3705/boundaries", townDispatcher, true)
                        .body())
                .get("features");
        assertThat(counties).extracting(f -> f.get("id").asString()).containsExactly("370523");
        JsonNode towns = JSON.readTree(fetch("/api/v1/regions/370523/outlines?level=TOWN&zoom=11", townDispatcher, true)
                        .body())
                .get("features");
        assertThat(towns).extracting(f -> f.get("id").asString()).containsExactly("370523101");
    }

    @Test
    void aZoomThatIsNoZoomIsRefusedWithAProblem() {
        for (String zoom : List.of("x", "19", "-1", "1.5")) {
            Fetched answer = fetch("/api/v1/grids?region=370523101&zoom=" + zoom, leader, false);
            assertThat(answer.status()).as(zoom).isEqualTo(400);
            assertThat(answer.body()).contains("zoom");
        }
        assertThat(fetch("/api/v1/regions/370523/outlines?level=COUNTRY", leader, false)
                        .status())
                .isEqualTo(400);
    }

    private static JsonNode find(JsonNode features, String code) {
        for (JsonNode f : features) {
            if (code.equals(f.get("id").asString())) {
                return f;
            }
        }
        throw new AssertionError(code + " not among the outlines");
    }

    record Fetched(int status, long wire, boolean gzipped, String body) {}

    private Fetched fetch(String path, String token, boolean gzip) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/geo+json");
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            boolean gzipped = r.headers()
                    .firstValue("Content-Encoding")
                    .map("gzip"::equals)
                    .orElse(false);
            byte[] body = r.body();
            if (gzipped) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            return new Fetched(r.statusCode(), r.body().length, gzipped, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token(String username) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"" + username + "\",\"password\":\"Demo@2026\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body()).get("token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
