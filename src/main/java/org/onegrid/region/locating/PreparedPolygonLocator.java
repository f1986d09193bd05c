package org.onegrid.region.locating;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Whether a polygon or multipolygon covers a point (interior or boundary), with the same robust ray-crossing
 * test as JTS's point locators. A grid has a handful of vertices, so its rings are kept as plain coordinate
 * arrays and scanned whole, which allocates nothing; a polygon with many vertices (a county-sized grid with a
 * detailed coastline) uses JTS's {@link IndexedPointInAreaLocator}, which only visits the edges at the point's
 * latitude.
 */
final class PreparedPolygonLocator {

    /** Above this many vertices, scanning every edge costs more than JTS's interval index. */
    static final int MAX_SCANNED_VERTICES = 64;

    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;

    // Rings as x0, y0, x1, y1, ... (closed: last = first). Ring r spans coords[2 * ringStart[r]] up to
    // coords[2 * ringStart[r + 1]]; polygon p's rings are ringStart[polygonStart[p]] .., its shell first.
    private final double[] coords;
    private final int[] ringStart;
    private final int[] polygonStart;

    private final IndexedPointInAreaLocator indexed;

    PreparedPolygonLocator(Geometry polygonal) {
        Envelope env = polygonal.getEnvelopeInternal();
        this.minX = env.getMinX();
        this.minY = env.getMinY();
        this.maxX = env.getMaxX();
        this.maxY = env.getMaxY();
        if (polygonal.getNumPoints() > MAX_SCANNED_VERTICES) {
            this.indexed = new IndexedPointInAreaLocator(polygonal);
            this.indexed.locate(env.centre()); // builds its index now, not in the first request
            this.coords = null;
            this.ringStart = null;
            this.polygonStart = null;
            return;
        }
        this.indexed = null;
        int polygonCount = polygonal.getNumGeometries();
        int ringCount = 0;
        for (int p = 0; p < polygonCount; p++) {
            ringCount += 1 + ((Polygon) polygonal.getGeometryN(p)).getNumInteriorRing();
        }
        this.coords = new double[2 * polygonal.getNumPoints()];
        this.ringStart = new int[ringCount + 1];
        this.polygonStart = new int[polygonCount + 1];
        int ring = 0;
        int vertex = 0;
        for (int p = 0; p < polygonCount; p++) {
            Polygon polygon = (Polygon) polygonal.getGeometryN(p);
            polygonStart[p] = ring;
            for (int r = -1; r < polygon.getNumInteriorRing(); r++) {
                LineString line = r < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r);
                ringStart[ring++] = vertex;
                for (Coordinate c : line.getCoordinates()) {
                    coords[2 * vertex] = c.x;
                    coords[2 * vertex + 1] = c.y;
                    vertex++;
                }
            }
        }
        ringStart[ring] = vertex;
        polygonStart[polygonCount] = ring;
    }

    boolean covers(double x, double y) {
        if (x < minX || x > maxX || y < minY || y > maxY) {
            return false;
        }
        if (indexed != null) {
            return indexed.locate(new Coordinate(x, y)) != Location.EXTERIOR;
        }
        for (int p = 0; p + 1 < polygonStart.length; p++) {
            int shell = polygonStart[p];
            int where = locateInRing(x, y, shell);
            if (where == Location.BOUNDARY) {
                return true;
            }
            if (where == Location.EXTERIOR) {
                continue;
            }
            boolean inHole = false;
            for (int hole = shell + 1; hole < polygonStart[p + 1] && !inHole; hole++) {
                int h = locateInRing(x, y, hole);
                if (h == Location.BOUNDARY) {
                    return true;
                }
                inHole = h == Location.INTERIOR;
            }
            if (!inHole) {
                return true;
            }
        }
        return false;
    }

    /** JTS's {@code RayCrossingCounter}, over the arrays: counts edges crossing the ray from the point eastwards. */
    private int locateInRing(double x, double y, int ring) {
        int crossings = 0;
        for (int v = ringStart[ring] + 1, end = ringStart[ring + 1]; v < end; v++) {
            double x1 = coords[2 * v - 2];
            double y1 = coords[2 * v - 1];
            double x2 = coords[2 * v];
            double y2 = coords[2 * v + 1];
            if (x1 < x && x2 < x) {
                continue; // wholly to the west
            }
            if (x == x2 && y == y2) {
                return Location.BOUNDARY; // on a vertex
            }
            if (y1 == y && y2 == y) { // horizontal edge at the point's latitude
                if (x >= Math.min(x1, x2) && x <= Math.max(x1, x2)) {
                    return Location.BOUNDARY;
                }
                continue;
            }
            if ((y1 > y && y2 <= y) || (y2 > y && y1 <= y)) {
                int orientation = CGAlgorithmsDD.orientationIndex(x1, y1, x2, y2, x, y);
                if (orientation == Orientation.COLLINEAR) {
                    return Location.BOUNDARY;
                }
                if (y2 < y1) {
                    orientation = -orientation;
                }
                if (orientation == Orientation.LEFT) {
                    crossings++;
                }
            }
        }
        return (crossings & 1) == 1 ? Location.INTERIOR : Location.EXTERIOR;
    }
}
