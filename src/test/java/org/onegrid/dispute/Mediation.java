package org.onegrid.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.registry.demo.SyntheticRegistry;
import org.onegrid.staff.CreateUser;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo city's mediation desks for the dispute tests: who signs in where, and valid identities for parties. */
final class Mediation {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DEMO_PASSWORD = "Demo@2026";
    static final String NEW_PASSWORD = "Mediate2026now";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Mediation() {}

    /** 广饶县. */
    static final String COUNTY = "370523";

    static RegionView town(Regions regions) {
        return regions.children(COUNTY).stream()
                .filter(r -> r.name().equals("大王镇"))
                .findFirst()
                .orElseThrow();
    }

    static RegionView village(Regions regions) {
        return regions.children(town(regions).code()).get(0);
    }

    /** A new staff account with the roles at the centre of the region; its username. */
    static String newAccount(Staff staff, Organisations orgs, String prefix, String regionCode, Set<Role> roles) {
        StaffPrincipal admin = staff.principal(
                        staff.findByUsername("admin").orElseThrow().id())
                .orElseThrow();
        String username = prefix + "." + System.nanoTime() % 1_000_000 + SEQUENCE.incrementAndGet();
        long org = orgs.centreOf(regionCode).orElseThrow().id();
        staff.create(new CreateUser(username, "调解员" + SEQUENCE.get(), NEW_PASSWORD, org, roles, null), admin);
        return username;
    }

    static String idNumber(int seed) {
        return SyntheticRegistry.idNumber(
                COUNTY, LocalDate.of(1960 + seed % 40, 1 + seed % 12, 1 + seed % 28), 100 + seed % 800);
    }

    static String creditCode(int seed) {
        String code = null;
        for (int i = seed; code == null; i++) {
            code = SyntheticRegistry.creditCode("11" + COUNTY + String.format("MB%07d", i));
        }
        return code;
    }

    static Map<String, Object> person(String side, String name, int seed) {
        return Map.of("side", side, "name", name, "identity", idNumber(seed));
    }

    static Map<String, Object> organisation(String side, String name, int seed) {
        return Map.of("side", side, "organisation", true, "name", name, "identity", creditCode(seed));
    }

    static Map<String, Object> body(String kind) {
        return Map.of("kind", kind);
    }

    /** A signed-in API client. */
    static final class Client {
        private final String base;
        private final String token;
        private final HttpClient http = HttpClient.newHttpClient();

        private Client(String base, String token) {
            this.base = base;
            this.token = token;
        }

        static Client as(int port, String username) {
            String base = "http://localhost:" + port;
            Client anonymous = new Client(base, null);
            HttpResponse<String> r =
                    anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", DEMO_PASSWORD));
            if (r.statusCode() != 200) {
                r = anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", NEW_PASSWORD));
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return new Client(base, JSON.readTree(r.body()).get("token").asString());
        }

        HttpResponse<String> get(String path) {
            return send(request(path).GET());
        }

        HttpResponse<String> post(String path, Object body) {
            return send(request(path)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            body instanceof String s ? s : JSON.writeValueAsString(body))));
        }

        /** Posts and expects {@code status}; the answer's JSON. */
        JsonNode ok(int status, String path, Object body) {
            HttpResponse<String> r = post(path, body);
            assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(status);
            return JSON.readTree(r.body());
        }

        JsonNode act(String id, String action, Object body) {
            return ok(200, "/api/v1/disputes/" + id + "/" + action, body);
        }

        JsonNode read(String path) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }

        /** The actions of the case's history in order, after checking its hash chain holds. */
        List<String> verifiedHistory(String id) {
            JsonNode h = read("/api/v1/disputes/" + id + "/history");
            assertThat(h.get("holds").asBoolean()).as("history chain of " + id).isTrue();
            List<String> actions = new ArrayList<>();
            for (JsonNode e : h.get("entries")) {
                actions.add(e.get("action").asString());
            }
            return actions;
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return b;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
