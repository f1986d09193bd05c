package org.onegrid.region.locating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.util.GeometricShapeFactory;
import org.onegrid.shared.geo.GeoJson;

/** The allocation-free locator answers exactly what JTS's prepared geometry answers. */
class PreparedPolygonLocatorTests {

    private static void agreesWithJts(Geometry g, long seed) {
        PreparedPolygonLocator ours = new PreparedPolygonLocator(g);
        PreparedGeometry jts = PreparedGeometryFactory.prepare(g);
        List<Coordinate> probes = new ArrayList<>();
        // every vertex, every edge's midpoint (rarely exactly on the edge in floating point: a good test too)
        Coordinate[] vertices = g.getCoordinates();
        for (int i = 0; i < vertices.length; i++) {
            probes.add(vertices[i]);
            if (i > 0) {
                probes.add(new Coordinate(
                        (vertices[i - 1].x + vertices[i].x) / 2, (vertices[i - 1].y + vertices[i].y) / 2));
            }
        }
        Random random = new Random(seed);
        var env = g.getEnvelopeInternal();
        for (int i = 0; i < 20_000; i++) {
            probes.add(new Coordinate(
                    env.getMinX() - 0.1 * env.getWidth() + random.nextDouble() * 1.2 * env.getWidth(),
                    env.getMinY() - 0.1 * env.getHeight() + random.nextDouble() * 1.2 * env.getHeight()));
        }
        for (Coordinate p : probes) {
            assertThat(ours.covers(p.x, p.y)).as("covers %s", p).isEqualTo(jts.covers(GeoJson.FACTORY.createPoint(p)));
        }
    }

    @Test
    void aPolygonWithAHoleIsLocatedAsJtsLocatesIt() throws Exception {
        agreesWithJts(
                new WKTReader(GeoJson.FACTORY)
                        .read(
                                "POLYGON ((118.50 37.45, 118.53 37.45, 118.53 37.48, 118.515 37.49, 118.50 37.48, 118.50 37.45),"
                                        + " (118.51 37.46, 118.52 37.46, 118.515 37.47, 118.51 37.46))"),
                1);
    }

    @Test
    void aMultiPolygonIsLocatedAsJtsLocatesIt() throws Exception {
        agreesWithJts(
                new WKTReader(GeoJson.FACTORY)
                        .read("MULTIPOLYGON (((118.50 37.45, 118.51 37.45, 118.51 37.46, 118.50 37.45)),"
                                + " ((118.52 37.45, 118.53 37.45, 118.53 37.46, 118.52 37.46, 118.52 37.45)))"),
                2);
    }

    @Test
    void aPolygonWithManyVerticesIsLocatedAsJtsLocatesIt() {
        GeometricShapeFactory shapes = new GeometricShapeFactory(GeoJson.FACTORY);
        shapes.setCentre(new Coordinate(118.5, 37.45));
        shapes.setSize(0.02);
        shapes.setNumPoints(PreparedPolygonLocator.MAX_SCANNED_VERTICES * 4);
        agreesWithJts(shapes.createCircle(), 3);
        shapes.setNumPoints(PreparedPolygonLocator.MAX_SCANNED_VERTICES / 2);
        agreesWithJts(shapes.createCircle(), 4);
    }
}
