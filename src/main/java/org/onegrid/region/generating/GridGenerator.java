package org.onegrid.region.generating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.onegrid.region.GridType;
import org.onegrid.shared.geo.GeoJson;

/**
 * Partitions a county polygon into grids for a city that has not drawn its own: seeds spread evenly over the
 * county (random points, then Lloyd relaxation), their Voronoi cells clipped to the county, so the grids tile
 * the county without gaps or overlaps. Cells are then handed out to towns and villages in the order of a
 * Hilbert curve through their centres, which keeps each village's grids and each town's villages together.
 *
 * <p>Deterministic: the same county, villages and count give the same grids, byte for byte.
 */
public final class GridGenerator {

    /** A town and its villages, in code order. */
    public record Town(String code, List<Village> villages) {}

    public record Village(String code, String name) {}

    /** A generated grid. */
    public record GeneratedGrid(String code, String name, String villageCode, GridType type, Geometry geometry) {}

    private static final int LLOYD_ITERATIONS = 2;

    private GridGenerator() {}

    /**
     * @param county the county's polygon (valid, lon/lat)
     * @param towns the towns of the county with their villages; every village gets at least one grid
     * @param gridCount how many grids to make; at least the number of villages
     */
    public static List<GeneratedGrid> partition(String countyCode, Geometry county, List<Town> towns, int gridCount) {
        int villages = towns.stream().mapToInt(t -> t.villages().size()).sum();
        if (villages == 0) {
            throw new IllegalArgumentException("county " + countyCode + " has no villages to give grids to");
        }
        if (gridCount < villages) {
            throw new IllegalArgumentException(
                    "county " + countyCode + " needs at least " + villages + " grids, one per village");
        }
        List<Geometry> cells = cells(county, gridCount, Long.parseLong(countyCode.replaceAll("\\D", "")));
        sortAlongHilbertCurve(cells, county.getEnvelopeInternal());
        return assign(cells, towns, villages);
    }

    private static List<Geometry> cells(Geometry county, int n, long seed) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(county);
        Envelope env = county.getEnvelopeInternal();
        SplittableRandom random = new SplittableRandom(seed);
        List<Coordinate> sites = new ArrayList<>(n);
        while (sites.size() < n) {
            Coordinate c = new Coordinate(
                    env.getMinX() + random.nextDouble() * env.getWidth(),
                    env.getMinY() + random.nextDouble() * env.getHeight());
            if (inside.contains(GeoJson.FACTORY.createPoint(c))) {
                sites.add(c);
            }
        }
        List<Geometry> cells = clippedVoronoi(sites, county, inside, env);
        for (int i = 0; i < LLOYD_ITERATIONS; i++) {
            sites.clear();
            for (Geometry cell : cells) {
                // the centroid evens the cells out; a cell bent around a bay falls back to a point inside it
                Coordinate c = cell.getCentroid().getCoordinate();
                if (!inside.contains(GeoJson.FACTORY.createPoint(c))) {
                    c = cell.getInteriorPoint().getCoordinate();
                }
                sites.add(c);
            }
            cells = clippedVoronoi(sites, county, inside, env);
        }
        return cells;
    }

    private static List<Geometry> clippedVoronoi(
            List<Coordinate> sites, Geometry county, PreparedGeometry inside, Envelope env) {
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(sites);
        Envelope clip = new Envelope(env);
        clip.expandBy(env.getWidth() * 0.1, env.getHeight() * 0.1);
        voronoi.setClipEnvelope(clip);
        Geometry diagram = voronoi.getDiagram(GeoJson.FACTORY);
        List<Geometry> cells = new ArrayList<>(diagram.getNumGeometries());
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            Geometry clipped = inside.containsProperly(cell) ? cell : polygonal(cell.intersection(county));
            if (!clipped.isEmpty()) {
                cells.add(clipped);
            }
        }
        return cells;
    }

    private static Geometry polygonal(Geometry g) {
        List<Polygon> polys = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                polys.add(p);
            }
        }
        if (polys.size() == 1) {
            return polys.get(0);
        }
        return GeoJson.FACTORY.createMultiPolygon(polys.toArray(new Polygon[0]));
    }

    private static void sortAlongHilbertCurve(List<Geometry> cells, Envelope env) {
        int order = 1 << 16;
        cells.sort(Comparator.comparingLong((Geometry g) -> {
                    Coordinate c = g.getInteriorPoint().getCoordinate();
                    int x = (int) Math.min(order - 1, (c.x - env.getMinX()) / env.getWidth() * order);
                    int y = (int) Math.min(order - 1, (c.y - env.getMinY()) / env.getHeight() * order);
                    return hilbertIndex(order, x, y);
                })
                .thenComparingDouble(g -> g.getEnvelopeInternal().getMinX())
                .thenComparingDouble(g -> g.getEnvelopeInternal().getMinY()));
    }

    /** Position of (x, y) along the Hilbert curve filling an n×n square (n a power of two). */
    static long hilbertIndex(int n, int x, int y) {
        long d = 0;
        for (int s = n / 2; s > 0; s /= 2) {
            int rx = (x & s) > 0 ? 1 : 0;
            int ry = (y & s) > 0 ? 1 : 0;
            d += (long) s * s * ((3 * rx) ^ ry);
            if (ry == 0) {
                if (rx == 1) {
                    x = s - 1 - x;
                    y = s - 1 - y;
                }
                int t = x;
                x = y;
                y = t;
            }
        }
        return d;
    }

    /** Consecutive runs of cells go to each town in proportion to its villages, then to each village. */
    private static List<GeneratedGrid> assign(List<Geometry> cells, List<Town> towns, int villages) {
        List<GeneratedGrid> grids = new ArrayList<>(cells.size());
        int[] perTown = atLeastOneEach(
                cells.size(), towns.stream().mapToInt(t -> t.villages().size()).toArray(), villages);
        int next = 0;
        for (int t = 0; t < towns.size(); t++) {
            Town town = towns.get(t);
            int[] perVillage = atLeastOneEach(
                    perTown[t], ones(town.villages().size()), town.villages().size());
            for (int v = 0; v < town.villages().size(); v++) {
                Village village = town.villages().get(v);
                for (int k = 1; k <= perVillage[v]; k++) {
                    grids.add(new GeneratedGrid(
                            village.code() + String.format("%03d", k),
                            village.name() + "第" + k + "网格",
                            village.code(),
                            typeOf(village.name()),
                            cells.get(next++)));
                }
            }
        }
        return grids;
    }

    /** {@code total} split in proportion to {@code weights}, the largest remainders rounded up. */
    public static int[] shares(int total, int[] weights) {
        long sum = 0;
        for (int w : weights) {
            sum += w;
        }
        int[] out = new int[weights.length];
        double[] rest = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = sum == 0 ? 0 : (double) total * weights[i] / sum;
            out[i] = (int) exact;
            rest[i] = exact - out[i];
            given += out[i];
        }
        for (; given < total; given++) {
            int best = 0;
            for (int i = 1; i < rest.length; i++) {
                if (rest[i] > rest[best]) {
                    best = i;
                }
            }
            out[best]++;
            rest[best] = -1;
        }
        return out;
    }

    /** One for each weight unit, the rest in proportion. */
    private static int[] atLeastOneEach(int total, int[] weights, int weightSum) {
        int[] extra = shares(total - weightSum, weights);
        for (int i = 0; i < extra.length; i++) {
            extra[i] += weights[i];
        }
        return extra;
    }

    private static int[] ones(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }

    /** Communities 社区/居委会 are urban grids, villages 村 rural ones. */
    static GridType typeOf(String villageName) {
        return villageName.contains("社区") || villageName.contains("居委会") || villageName.contains("居民委员会")
                ? GridType.URBAN
                : GridType.RURAL;
    }
}
