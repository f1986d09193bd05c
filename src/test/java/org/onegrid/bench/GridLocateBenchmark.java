package org.onegrid.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.onegrid.region.GridType;
import org.onegrid.region.GridView;
import org.onegrid.region.Location;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
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
 * Point-to-grid lookups on one thread over about 6,100 grids laid over Dongying's five counties (a Voronoi
 * partition of random seeds in each county outline, as many grids per county as its share of the area), built
 * without Spring or a database. The target is a million lookups a second.
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

    static final int GRIDS = 6_100;
    private static final int POINTS = 1 << 20;
    private static final int MASK = POINTS - 1;

    private GridIndex index;
    private final double[] envelopeLng = new double[POINTS];
    private final double[] envelopeLat = new double[POINTS];
    private final double[] insideLng = new double[POINTS];
    private final double[] insideLat = new double[POINTS];
    private int next;

    @Setup
    public void setUp() {
        Map<String, Geometry> counties = counties();
        index = GridIndex.of(voronoiGrids(counties, GRIDS, new Random(20240601)));
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

    /** Dongying's county outlines, repaired and made disjoint as the region importer does. */
    static Map<String, Geometry> counties() {
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

    /** About {@code total} grids: each county cut into Voronoi cells around random seeds inside it. */
    static List<GridIndex.Entry> voronoiGrids(Map<String, Geometry> counties, int total, Random random) {
        double area = counties.values().stream().mapToDouble(Geometry::getArea).sum();
        RegionView city = new RegionView("3705", "东营市", RegionLevel.CITY, null, "/3705/");
        List<GridIndex.Entry> out = new ArrayList<>();
        for (Map.Entry<String, Geometry> county : counties.entrySet()) {
            Geometry shape = county.getValue();
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(shape);
            Envelope env = shape.getEnvelopeInternal();
            int n = (int) Math.round(total * shape.getArea() / area);
            List<Coordinate> seeds = new ArrayList<>(n);
            while (seeds.size() < n) {
                Coordinate c = new Coordinate(
                        env.getMinX() + random.nextDouble() * env.getWidth(),
                        env.getMinY() + random.nextDouble() * env.getHeight());
                if (prepared.contains(GeoJson.FACTORY.createPoint(c))) {
                    seeds.add(c);
                }
            }
            VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
            voronoi.setSites(seeds);
            voronoi.setClipEnvelope(env);
            Geometry cells = voronoi.getDiagram(GeoJson.FACTORY);
            RegionView countyView = new RegionView(
                    county.getKey(), county.getKey(), RegionLevel.COUNTY, "3705", "/3705/" + county.getKey() + "/");
            for (int i = 0; i < cells.getNumGeometries(); i++) {
                Geometry cell = cells.getGeometryN(i);
                Geometry grid = prepared.covers(cell) ? cell : polygonal(cell.intersection(shape));
                if (grid == null) {
                    continue;
                }
                String code = county.getKey() + String.format("%05d", i);
                String villageCode = county.getKey() + String.format("001%03d", i % 500);
                RegionView town = new RegionView(
                        county.getKey() + "001",
                        "town",
                        RegionLevel.TOWN,
                        county.getKey(),
                        countyView.path() + county.getKey() + "001/");
                RegionView village = new RegionView(
                        villageCode, "village", RegionLevel.VILLAGE, town.code(), town.path() + villageCode + "/");
                GridView view =
                        new GridView(code, "网格" + code, villageCode, GridType.URBAN, GeoJson.areaSquareMetres(grid));
                out.add(new GridIndex.Entry(view, grid, new Location(view, village, town, countyView, city)));
            }
        }
        return out;
    }

    private static Geometry polygonal(Geometry g) {
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                parts.add(p);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return parts.size() == 1 ? parts.get(0) : GeoJson.FACTORY.createMultiPolygon(parts.toArray(new Polygon[0]));
    }
}
