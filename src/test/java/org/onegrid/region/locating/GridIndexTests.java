package org.onegrid.region.locating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.onegrid.region.GridType;
import org.onegrid.region.GridView;
import org.onegrid.region.Location;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.shared.geo.GeoJson;

/** The locator on its own: squares of 0.01° side by side, no Spring, no database. */
class GridIndexTests {

    private static final RegionView CITY = new RegionView("3705", "东营市", RegionLevel.CITY, null, "/3705/");
    private static final RegionView COUNTY =
            new RegionView("370502", "东营区", RegionLevel.COUNTY, "3705", "/3705/370502/");
    private static final RegionView TOWN =
            new RegionView("370502001", "文汇街道", RegionLevel.TOWN, "370502", "/3705/370502/370502001/");
    private static final RegionView VILLAGE = new RegionView(
            "370502001011", "东营社区居委会", RegionLevel.VILLAGE, "370502001", "/3705/370502/370502001/370502001011/");

    /** A 0.01° square with its south-west corner at (x, y). */
    private static Polygon square(double x, double y) {
        return box(x, y, x + 0.01, y + 0.01);
    }

    private static Polygon box(double x0, double y0, double x1, double y1) {
        return GeoJson.FACTORY.createPolygon(new Coordinate[] {c(x0, y0), c(x1, y0), c(x1, y1), c(x0, y1), c(x0, y0)});
    }

    private static Coordinate c(double x, double y) {
        return new Coordinate(x, y);
    }

    private static GridIndex.Entry entry(String code, Geometry g) {
        GridView grid = new GridView(code, "网格" + code, VILLAGE.code(), GridType.URBAN, GeoJson.areaSquareMetres(g));
        return new GridIndex.Entry(grid, g, new Location(grid, VILLAGE, TOWN, COUNTY, CITY));
    }

    /** Two grids side by side sharing the edge x = 118.51, listed in reverse code order on purpose. */
    private final GridIndex twoSquares =
            GridIndex.of(List.of(entry("G2", square(118.51, 37.45)), entry("G1", square(118.50, 37.45))));

    @Test
    void aPointInsideAGridIsLocatedInThatGridWithItsRegions() {
        Location l = twoSquares.locate(118.505, 37.455);

        assertThat(l.grid().code()).isEqualTo("G1");
        assertThat(l.village()).isEqualTo(VILLAGE);
        assertThat(l.town()).isEqualTo(TOWN);
        assertThat(l.county()).isEqualTo(COUNTY);
        assertThat(l.city()).isEqualTo(CITY);
        assertThat(twoSquares.locate(118.515, 37.455).grid().code()).isEqualTo("G2");
    }

    @Test
    void aPointOnASharedEdgeGoesToTheGridWhoseCodeSortsFirst() {
        assertThat(twoSquares.locate(118.51, 37.455).grid().code()).isEqualTo("G1");
        // the corner shared by both, and the same answer from an index built in the other order
        GridIndex reversed =
                GridIndex.of(List.of(entry("G1", square(118.50, 37.45)), entry("G2", square(118.51, 37.45))));
        assertThat(reversed.locate(118.51, 37.45).grid().code()).isEqualTo("G1");
        assertThat(twoSquares.locate(118.51, 37.45).grid().code()).isEqualTo("G1");
    }

    @Test
    void aPointOnTheOuterEdgeOfAGridIsInThatGrid() {
        assertThat(twoSquares.locate(118.50, 37.455).grid().code()).isEqualTo("G1");
        assertThat(twoSquares.locate(118.52, 37.46).grid().code()).isEqualTo("G2");
    }

    @Test
    void aPointOutsideEveryGridHasNoLocationNeverTheNearestGrid() {
        assertThat(twoSquares.locate(118.4999999, 37.455)).isNull();
        assertThat(twoSquares.locate(118.505, 37.4600001)).isNull();
        assertThat(twoSquares.locate(116.40, 39.90)).isNull();
        assertThat(twoSquares.locate(Double.NaN, 37.455)).isNull();
        assertThat(twoSquares.locate(118.505, Double.POSITIVE_INFINITY)).isNull();
    }

    @Test
    void aPointInAHoleIsNotInTheGridAroundItButInTheGridThatFillsTheHole() {
        LinearRing shell = GeoJson.FACTORY.createLinearRing(
                box(118.50, 37.45, 118.53, 37.48).getExteriorRing().getCoordinates());
        LinearRing hole = GeoJson.FACTORY.createLinearRing(
                box(118.51, 37.46, 118.52, 37.47).getExteriorRing().getCoordinates());
        Polygon ring = GeoJson.FACTORY.createPolygon(shell, new LinearRing[] {hole});
        GridIndex withHole = GridIndex.of(List.of(entry("R", ring)));
        GridIndex withFilledHole =
                GridIndex.of(List.of(entry("R", ring), entry("CAMPUS", box(118.51, 37.46, 118.52, 37.47))));

        assertThat(withHole.locate(118.515, 37.465)).isNull();
        assertThat(withHole.locate(118.505, 37.465).grid().code()).isEqualTo("R");
        assertThat(withFilledHole.locate(118.515, 37.465).grid().code()).isEqualTo("CAMPUS");
    }

    @Test
    void aMultiPolygonGridCoversEachOfItsParts() {
        Geometry twoParts =
                GeoJson.FACTORY.createMultiPolygon(new Polygon[] {square(118.50, 37.45), square(118.60, 37.45)});
        GridIndex index = GridIndex.of(List.of(entry("M", twoParts)));

        assertThat(index.locate(118.605, 37.455).grid().code()).isEqualTo("M");
        assertThat(index.locate(118.555, 37.455)).isNull();
    }

    @Test
    void everyPointOfAPatchworkIsInExactlyTheGridThatContainsIt() {
        List<GridIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 40; j++) {
                entries.add(entry(String.format("C%02d%02d", i, j), square(118 + i * 0.01, 37 + j * 0.01)));
            }
        }
        GridIndex index = GridIndex.of(entries);
        Random random = new Random(42);
        for (int n = 0; n < 10_000; n++) {
            double x = 117.99 + random.nextDouble() * 0.42;
            double y = 36.99 + random.nextDouble() * 0.42;
            Location l = index.locate(x, y);
            // keep away from the edges, where the tie-break (tested above) decides
            double fx = (x - 118) / 0.01;
            double fy = (y - 37) / 0.01;
            if (Math.abs(fx - Math.rint(fx)) < 1e-6 || Math.abs(fy - Math.rint(fy)) < 1e-6) {
                continue;
            }
            if (x < 118 || x > 118.4 || y < 37 || y > 37.4) {
                assertThat(l).isNull();
            } else {
                assertThat(l.grid().code())
                        .isEqualTo(String.format("C%02d%02d", (int) Math.floor(fx), (int) Math.floor(fy)));
            }
        }
    }

    @Test
    void everyPointOfAVoronoiPartitionIsInTheFirstGridByCodeThatCoversIt() {
        Random random = new Random(7);
        List<Coordinate> seeds = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            seeds.add(c(118.4 + random.nextDouble() * 0.2, 37.3 + random.nextDouble() * 0.2));
        }
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(seeds);
        voronoi.setClipEnvelope(new Envelope(118.4, 118.6, 37.3, 37.5));
        Geometry cells = voronoi.getDiagram(GeoJson.FACTORY).intersection(box(118.4, 37.3, 118.6, 37.5));
        List<GridIndex.Entry> entries = new ArrayList<>();
        List<PreparedGeometry> byCode = new ArrayList<>();
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            entries.add(entry(String.format("V%03d", i), cells.getGeometryN(i)));
            byCode.add(PreparedGeometryFactory.prepare(cells.getGeometryN(i)));
        }
        GridIndex index = GridIndex.of(entries);

        List<Coordinate> probes = new ArrayList<>(List.of(cells.getCoordinates())); // shared corners
        for (int i = 0; i < 50_000; i++) {
            probes.add(c(118.39 + random.nextDouble() * 0.22, 37.29 + random.nextDouble() * 0.22));
        }
        for (Coordinate p : probes) {
            String expected = null;
            for (int i = 0; i < byCode.size() && expected == null; i++) {
                if (byCode.get(i).covers(GeoJson.FACTORY.createPoint(p))) {
                    expected = String.format("V%03d", i);
                }
            }
            Location l = index.locate(p.x, p.y);
            assertThat(l == null ? null : l.grid().code()).as("grid at %s", p).isEqualTo(expected);
        }
    }

    @Test
    void anEmptyIndexLocatesNothing() {
        assertThat(GridIndex.empty().locate(118.5, 37.4)).isNull();
        assertThat(GridIndex.empty().size()).isZero();
    }

    @Test
    void codesMustBeUnique() {
        assertThatThrownBy(() ->
                        GridIndex.of(List.of(entry("G1", square(118.5, 37.45)), entry("G1", square(118.6, 37.45)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("G1");
    }

    @Test
    void gridsAreFoundByCodeAndListedInCodeOrder() {
        assertThat(twoSquares.find("G2")).map(e -> e.grid().code()).hasValue("G2");
        assertThat(twoSquares.find("nope")).isEmpty();
        assertThat(twoSquares.find(null)).isEmpty();
        assertThat(twoSquares.entries()).extracting(e -> e.grid().code()).containsExactly("G1", "G2");
    }
}
