package org.onegrid.bench.compare;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.onegrid.bench.GridLocateBenchmark;
import org.onegrid.region.locating.GridIndex;

/**
 * Point → grid for the same million random points: OneGrid's in-memory {@link GridIndex} on one thread against
 * PostGIS {@code ST_Contains} over a GiST index, asked the fast way: one query per 10,000 points, the points sent as
 * arrays and joined with {@code unnest}, over one JDBC connection. Both answer every point; every answer is compared.
 *
 * <p>Two point sets, as in {@link GridLocateBenchmark}: points anywhere in the city's bounding box (about half fall
 * outside every grid and must answer nothing) and points that all lie in some grid.
 *
 * <p>Conventions differ on one measure-zero set: {@code ST_Contains} answers nothing for a point on a grid's edge,
 * while OneGrid's index counts edges in (covers) and gives a point on an edge shared by two grids to the one whose
 * code sorts first. A differing answer is therefore re-asked of PostGIS with OneGrid's rule ({@code ST_Covers}, the
 * least code); it counts as "on an edge" only if the point does lie on a grid's boundary and the rule gives
 * OneGrid's answer. Any other difference is reported as a mismatch.
 *
 * <p>Run by {@code bench/compare} (or {@code bench/compare grids}) with the JDBC URL of a database that has PostGIS.
 */
public final class PostgisGridComparison {

    static final int POINTS = 1_000_000;
    static final int BATCH = 10_000;
    static final double TARGET = 20;
    /** Batches of points asked of PostGIS before timing. */
    static final int WARM_UP = 10;

    private static final String LOOKUP = """
            SELECT p.i, g.code
              FROM unnest(?::int4[], ?::float8[], ?::float8[]) AS p(i, x, y)
              JOIN bench_grid g ON ST_Contains(g.geom, ST_SetSRID(ST_MakePoint(p.x, p.y), 4326))
            """;

    private final GridIndex index;
    private final Connection db;

    private PostgisGridComparison(GridIndex index, Connection db) {
        this.index = index;
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PostgisGridComparison <jdbc-url> [user]");
            System.exit(2);
        }
        Map<String, Geometry> counties = GridLocateBenchmark.counties();
        List<GridIndex.Entry> grids = GridLocateBenchmark.demoCityGrids(counties, GridLocateBenchmark.GRIDS);
        GridIndex index = GridIndex.of(grids);
        Envelope city = new Envelope();
        counties.values().forEach(g -> city.expandToInclude(g.getEnvelopeInternal()));
        try (Connection db = DriverManager.getConnection(args[0], args.length > 1 ? args[1] : "postgres", "")) {
            PostgisGridComparison comparison = new PostgisGridComparison(index, db);
            comparison.load(grids);
            Random random = new Random(7);
            double[][] envelope = envelopePoints(city, random);
            double[][] inside = insidePoints(city, random, index);
            comparison.plan(envelope);
            boolean identical = comparison.compare("anywhere in the city's envelope", envelope);
            identical &= comparison.compare("inside the city's grids", inside);
            if (!identical) {
                System.out.println("Some answers differ beyond the edge convention: see above.");
                System.exit(1);
            }
        }
    }

    /** The grids into a table with a GiST index, as a PostGIS deployment would keep them. */
    private void load(List<GridIndex.Entry> grids) throws SQLException {
        long started = System.nanoTime();
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_grid");
            s.execute("CREATE TABLE bench_grid (code text PRIMARY KEY, geom geometry(Geometry, 4326) NOT NULL)");
        }
        WKBWriter wkb = new WKBWriter();
        db.setAutoCommit(false);
        try (PreparedStatement insert =
                db.prepareStatement("INSERT INTO bench_grid (code, geom) VALUES (?, ST_GeomFromWKB(?, 4326))")) {
            for (GridIndex.Entry e : grids) {
                insert.setString(1, e.grid().code());
                insert.setBytes(2, wkb.write(e.geometry()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("CREATE INDEX bench_grid_geom ON bench_grid USING gist (geom)");
            s.execute("VACUUM ANALYZE bench_grid");
        }
        System.out.printf(
                Locale.ROOT,
                "%,d grids loaded into PostGIS with a GiST index in %.1f s%n",
                grids.size(),
                (System.nanoTime() - started) / 1e9);
    }

    private static double[][] envelopePoints(Envelope city, Random random) {
        double[][] p = new double[2][POINTS];
        for (int i = 0; i < POINTS; i++) {
            p[0][i] = city.getMinX() + random.nextDouble() * city.getWidth();
            p[1][i] = city.getMinY() + random.nextDouble() * city.getHeight();
        }
        return p;
    }

    /** Points in the envelope that fall in some grid (as the index says; PostGIS is then asked the same points). */
    private static double[][] insidePoints(Envelope city, Random random, GridIndex index) {
        double[][] p = new double[2][POINTS];
        for (int i = 0; i < POINTS; ) {
            double x = city.getMinX() + random.nextDouble() * city.getWidth();
            double y = city.getMinY() + random.nextDouble() * city.getHeight();
            if (index.locate(x, y) != null) {
                p[0][i] = x;
                p[1][i] = y;
                i++;
            }
        }
        return p;
    }

    /** Shows how PostgreSQL runs one batch, so that a slow plan would be seen. */
    private void plan(double[][] points) throws SQLException {
        try (PreparedStatement explain = db.prepareStatement("EXPLAIN " + LOOKUP)) {
            bind(explain, 0, points);
            try (ResultSet rs = explain.executeQuery()) {
                System.out.println("PostGIS plan of one batch:");
                while (rs.next()) {
                    System.out.println("  " + rs.getString(1));
                }
            }
        }
    }

    /** The {@link #BATCH} points from {@code from} as the lookup's three array parameters. */
    private void bind(PreparedStatement statement, int from, double[][] points) throws SQLException {
        int n = Math.min(BATCH, POINTS - from);
        Integer[] ids = new Integer[n];
        Double[] xs = new Double[n];
        Double[] ys = new Double[n];
        for (int k = 0; k < n; k++) {
            ids[k] = from + k;
            xs[k] = points[0][from + k];
            ys[k] = points[1][from + k];
        }
        statement.setArray(1, db.createArrayOf("int4", ids));
        statement.setArray(2, db.createArrayOf("float8", xs));
        statement.setArray(3, db.createArrayOf("float8", ys));
    }

    private boolean compare(String name, double[][] points) throws SQLException {
        System.out.printf(Locale.ROOT, "%n%s: %,d points%n", name, POINTS);
        String[] ours = new String[POINTS];
        double oneGrid = oneGrid(points, ours);
        String[] theirs = new String[POINTS];
        double postgis = postgis(points, theirs);
        int found = 0;
        for (String code : ours) {
            if (code != null) {
                found++;
            }
        }
        System.out.printf(Locale.ROOT, "  %,d of the points (%.1f %%) lie in a grid%n", found, 100.0 * found / POINTS);
        boolean identical = check(points, ours, theirs);
        Figures.row("grid lookup, " + name, "points/s", oneGrid, postgis, "PostGIS", TARGET);
        return identical;
    }

    /** Lookups a second on this thread: the median of 10 passes over all points, after 5 passes of warm-up. */
    private double oneGrid(double[][] points, String[] answers) {
        double[] x = points[0];
        double[] y = points[1];
        for (int i = 0; i < POINTS; i++) {
            GridIndex.Entry e = index.entryAt(x[i], y[i]);
            answers[i] = e == null ? null : e.grid().code();
        }
        long[] passes = new long[15];
        long found = 0;
        for (int pass = 0; pass < passes.length; pass++) {
            long started = System.nanoTime();
            for (int i = 0; i < POINTS; i++) {
                if (index.locate(x[i], y[i]) != null) {
                    found++;
                }
            }
            passes[pass] = System.nanoTime() - started;
        }
        long[] measured = Arrays.copyOfRange(passes, 5, passes.length);
        Arrays.sort(measured);
        double perSecond = POINTS / (measured[measured.length / 2] / 1e9);
        System.out.printf(
                Locale.ROOT,
                "  OneGrid GridIndex, 1 thread: %,.0f lookups/s (median of %d passes; %,d found)%n",
                perSecond,
                measured.length,
                found / passes.length);
        return perSecond;
    }

    /**
     * Lookups a second over one connection: one timed pass over all points, after a warm-up of {@link #WARM_UP}
     * batches (which fills PostgreSQL's buffers and the connection's prepared plan).
     */
    private double postgis(double[][] points, String[] answers) throws SQLException {
        int multiple = 0;
        try (PreparedStatement lookup = db.prepareStatement(LOOKUP)) {
            for (int b = 0; b < WARM_UP; b++) {
                bind(lookup, b * BATCH, points);
                try (ResultSet rs = lookup.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(2);
                    }
                }
            }
            long started = System.nanoTime();
            for (int from = 0; from < POINTS; from += BATCH) {
                bind(lookup, from, points);
                try (ResultSet rs = lookup.executeQuery()) {
                    while (rs.next()) {
                        int i = rs.getInt(1);
                        if (answers[i] != null) {
                            multiple++;
                        }
                        answers[i] = rs.getString(2);
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double perSecond = POINTS / seconds;
            System.out.printf(
                    Locale.ROOT,
                    "  PostGIS ST_Contains, 1 connection, %,d points a query: %,.0f lookups/s (%.1f s)%n",
                    BATCH,
                    perSecond,
                    seconds);
            if (multiple > 0) {
                System.out.printf(Locale.ROOT, "  %,d points were contained by more than one grid%n", multiple);
            }
            return perSecond;
        }
    }

    /** Every answer compared; differences explained by the edge convention or reported. */
    private boolean check(double[][] points, String[] ours, String[] theirs) throws SQLException {
        int onEdge = 0;
        List<String> mismatches = new ArrayList<>();
        try (PreparedStatement covers = db.prepareStatement("""
                SELECT (SELECT min(code) FROM bench_grid
                         WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))),
                       EXISTS (SELECT 1 FROM bench_grid
                                WHERE ST_Intersects(ST_Boundary(geom), ST_SetSRID(ST_MakePoint(?, ?), 4326)))
                """)) {
            for (int i = 0; i < POINTS; i++) {
                if (Objects.equals(ours[i], theirs[i])) {
                    continue;
                }
                double x = points[0][i];
                double y = points[1][i];
                covers.setDouble(1, x);
                covers.setDouble(2, y);
                covers.setDouble(3, x);
                covers.setDouble(4, y);
                try (ResultSet rs = covers.executeQuery()) {
                    rs.next();
                    if (Objects.equals(rs.getString(1), ours[i]) && rs.getBoolean(2)) {
                        onEdge++;
                    } else {
                        mismatches.add(String.format(
                                Locale.ROOT,
                                "POINT(%.17g %.17g): OneGrid %s, PostGIS ST_Contains %s, ST_Covers %s",
                                x,
                                y,
                                ours[i],
                                theirs[i],
                                rs.getString(1)));
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "  answers: %,d identical, %,d differ only by the edge convention, %,d mismatches%n",
                POINTS - onEdge - mismatches.size(),
                onEdge,
                mismatches.size());
        mismatches.stream().limit(10).forEach(m -> System.out.println("    " + m));
        return mismatches.isEmpty();
    }
}
