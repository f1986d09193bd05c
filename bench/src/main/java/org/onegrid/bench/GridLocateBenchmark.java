package org.onegrid.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.onegrid.region.GridView;
import org.onegrid.region.Location;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.generating.GridGenerator;
import org.onegrid.region.locating.GridIndex;
import org.onegrid.shared.geo.GeoJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Point-to-grid lookups on one thread over the demo city's 6,100 grids, generated over Dongying's five county
 * outlines by the application's own {@link GridGenerator}, built without Spring or a database. The target is a
 * million lookups a second.
 *
 * <ul>
 *   <li>{@code anywhereInTheCityEnvelope}: points uniformly in the city's bounding box, about half of them
 *       outside every county (sea, neighbouring cities), which must answer nothing;
 *   <li>{@code insideTheCity}: points that all fall in some grid.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GridLocateBenchmark {

    public static final int GRIDS = 6_100;
    private static final int POINTS = 1 << 20;
    private static final int MASK = POINTS - 1;

    private GridIndex index;
    /** The textbook alternative: an STR-tree of prepared polygons, queried with a point envelope. */
    private STRtree plainTree;

    private final double[] envelopeLng = new double[POINTS];
    private final double[] envelopeLat = new double[POINTS];
    private final double[] insideLng = new double[POINTS];
    private final double[] insideLat = new double[POINTS];
    private int next;

    @Setup
    public void setUp() {
        Map<String, Geometry> counties = counties();
        List<GridIndex.Entry> grids = demoCityGrids(counties, GRIDS);
        index = GridIndex.of(grids);
        plainTree = new STRtree();
        for (GridIndex.Entry e : grids) {
            plainTree.insert(
                    e.geometry().getEnvelopeInternal(),
                    new Object[] {PreparedGeometryFactory.prepare(e.geometry()), e.location()});
        }
        plainTree.build();
        Envelope city = new Envelope();
        counties.values().forEach(g -> city.expandToInclude(g.getEnvelopeInternal()));
        Random random = new Random(7);
        int found = 0;
        for (int i = 0; i < POINTS; i++) {
            envelopeLng[i] = city.getMinX() + random.nextDouble() * city.getWidth();
            envelopeLat[i] = city.getMinY() + random.nextDouble() * city.getHeight();
            if (index.locate(envelopeLng[i], envelopeLat[i]) != null) {
                found++;
            }
        }
        for (int i = 0; i < POINTS; ) {
            double x = city.getMinX() + random.nextDouble() * city.getWidth();
            double y = city.getMinY() + random.nextDouble() * city.getHeight();
            if (index.locate(x, y) != null) {
                insideLng[i] = x;
                insideLat[i] = y;
                i++;
            }
        }
        System.out.printf(
                "%n%d grids; %.1f %% of the envelope points lie in a grid%n", index.size(), 100.0 * found / POINTS);
    }

    @Benchmark
    public Location anywhereInTheCityEnvelope() {
        int i = next++ & MASK;
        return index.locate(envelopeLng[i], envelopeLat[i]);
    }

    @Benchmark
    public Location insideTheCity() {
        int i = next++ & MASK;
        return index.locate(insideLng[i], insideLat[i]);
    }

    @Benchmark
    public Location insideTheCityPlainStrTree() {
        int i = next++ & MASK;
        Point p = GeoJson.FACTORY.createPoint(new Coordinate(insideLng[i], insideLat[i]));
        for (Object o : plainTree.query(p.getEnvelopeInternal())) {
            Object[] candidate = (Object[]) o;
            if (((PreparedGeometry) candidate[0]).covers(p)) {
                return (Location) candidate[1];
            }
        }
        return null;
    }

    /** Dongying's county outlines, repaired and made disjoint as the region importer does. */
    public static Map<String, Geometry> counties() {
        JsonNode root;
        try (InputStream in = GridLocateBenchmark.class.getResourceAsStream("/demo/dongying/boundaries.geojson")) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Geometry> out = new TreeMap<>();
        Geometry covered = null;
        for (JsonNode f : root.path("features")) {
            out.put(f.path("id").asString(), GeometryFixer.fix(GeoJson.readPolygonal(f.path("geometry"))));
        }
        for (Map.Entry<String, Geometry> e : out.entrySet()) {
            Geometry g = covered == null ? e.getValue() : e.getValue().difference(covered);
            e.setValue(g);
            covered = covered == null ? g : covered.union(g);
        }
        return out;
    }

    /**
     * The demo city's grids as the application generates them ({@link GridGenerator}): {@code total} grids shared
     * among the counties by their number of villages, each with the location of its real village, town, county
     * and city.
     */
    public static List<GridIndex.Entry> demoCityGrids(Map<String, Geometry> counties, int total) {
        RegionView city = new RegionView("3705", "东营市", RegionLevel.CITY, null, "/3705/");
        Map<String, String> zoneHosts = new HashMap<>();
        for (List<String> row : csv("zones.csv")) {
            zoneHosts.put(row.get(0), row.get(1));
        }
        Map<String, RegionView> regions = new HashMap<>();
        for (String county : counties.keySet()) {
            regions.put(county, new RegionView(county, county, RegionLevel.COUNTY, "3705", "/3705/" + county + "/"));
        }
        // county → town → villages, in code order
        Map<String, Map<String, List<GridGenerator.Village>>> tree = new TreeMap<>();
        for (List<String> row : csv("streets.csv")) {
            String county = zoneHosts.getOrDefault(row.get(2), row.get(2));
            RegionView parent = regions.get(county);
            regions.put(
                    row.get(0),
                    new RegionView(row.get(0), row.get(1), RegionLevel.TOWN, county, parent.path() + row.get(0) + "/"));
            tree.computeIfAbsent(county, k -> new TreeMap<>()).put(row.get(0), new ArrayList<>());
        }
        for (List<String> row : csv("villages.csv")) {
            RegionView town = regions.get(row.get(2));
            regions.put(
                    row.get(0),
                    new RegionView(
                            row.get(0), row.get(1), RegionLevel.VILLAGE, town.code(), town.path() + row.get(0) + "/"));
            tree.get(town.parentCode()).get(town.code()).add(new GridGenerator.Village(row.get(0), row.get(1)));
        }
        List<String> codes = new ArrayList<>(counties.keySet());
        int[] villages = codes.stream()
                .mapToInt(
                        c -> tree.get(c).values().stream().mapToInt(List::size).sum())
                .toArray();
        int[] counts = GridGenerator.shares(total, villages);
        List<GridIndex.Entry> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            List<GridGenerator.Town> towns = tree.get(codes.get(i)).entrySet().stream()
                    .filter(t -> !t.getValue().isEmpty())
                    .map(t -> new GridGenerator.Town(t.getKey(), t.getValue()))
                    .toList();
            for (GridGenerator.GeneratedGrid g :
                    GridGenerator.partition(codes.get(i), counties.get(codes.get(i)), towns, counts[i])) {
                RegionView village = regions.get(g.villageCode());
                RegionView town = regions.get(village.parentCode());
                GridView view = new GridView(
                        g.code(), g.name(), g.villageCode(), g.type(), GeoJson.areaSquareMetres(g.geometry()));
                out.add(new GridIndex.Entry(
                        view, g.geometry(), new Location(view, village, town, regions.get(town.parentCode()), city)));
            }
        }
        return out;
    }

    /** The rows of one of the demo city's CSV files, without the header; names are quoted. */
    private static List<List<String>> csv(String name) {
        try (InputStream in = GridLocateBenchmark.class.getResourceAsStream("/demo/dongying/" + name)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\r?\\n");
            List<List<String>> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    rows.add(List.of(lines[i].replace("\"", "").split(",")));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
