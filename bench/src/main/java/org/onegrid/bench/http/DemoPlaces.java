package org.onegrid.bench.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.locationtech.jts.geom.Point;
import org.onegrid.shared.geo.GeoJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grids of the demo city to report from, as the API lists them, each with a point inside it and the accounts that
 * work there: the grid worker {@code gw<grid>}, the village centre's dispatcher {@code vd<village>}, and the county
 * branches of the departments, e.g. {@code chengguan.<county>}.
 */
final class DemoPlaces {

    /** A grid and a point inside it. */
    record Place(String grid, String village, String county, double lng, double lat) {

        String gridWorker() {
            return "gw" + grid;
        }

        String villageDispatcher() {
            return "vd" + village;
        }

        String handler(String department) {
            return department + "." + county;
        }
    }

    /** The demo city's functional zones and the county hosting each, as the application imports them. */
    private static final java.util.Map<String, String> HOST_COUNTY = hostCounties();

    private DemoPlaces() {}

    private static java.util.Map<String, String> hostCounties() {
        try (var in = DemoPlaces.class.getResourceAsStream("/demo/dongying/zones.csv")) {
            if (in == null) {
                throw new IllegalStateException("demo/dongying/zones.csv is not on the classpath");
            }
            java.util.Map<String, String> hosts = new java.util.HashMap<>();
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .skip(1)
                    .map(line -> line.split(","))
                    .filter(cells -> cells.length == 2)
                    .forEach(cells -> hosts.put(cells[0].strip(), cells[1].strip()));
            return hosts;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * {@code count} grids drawn at random (fixed seed) from every grid of the city, so reports spread over all
     * counties, towns and village centres as they would in a day of the real city.
     */
    static List<Place> sample(Platform platform, String viewer, String city, int count) {
        JsonNode features = JsonMapper.builder()
                .build()
                .readTree(platform.get(viewer, "/api/v1/grids?region=" + city))
                .get("features");
        List<JsonNode> all = new ArrayList<>();
        features.forEach(all::add);
        if (all.isEmpty()) {
            throw new IllegalStateException("The city " + city + " has no grids");
        }
        Collections.shuffle(all, new Random(20260101L));
        List<Place> places = new ArrayList<>();
        TreeMap<String, Integer> perCounty = new TreeMap<>();
        for (JsonNode f : all.subList(0, Math.min(count, all.size()))) {
            String code = f.get("properties").get("code").asString();
            String village = f.get("properties").get("villageCode").asString();
            Point inside = GeoJson.readPolygonal(f.get("geometry")).getInteriorPoint();
            // a functional zone's towns (东营经济技术开发区, 东营港经济开发区) are served by their host county's departments
            String county = HOST_COUNTY.getOrDefault(code.substring(0, 6), code.substring(0, 6));
            places.add(new Place(code, village, county, inside.getX(), inside.getY()));
            perCounty.merge(county, 1, Integer::sum);
        }
        System.out.printf("  %d of the city's %d grids, by county %s%n", places.size(), all.size(), perCounty);
        return places;
    }
}
