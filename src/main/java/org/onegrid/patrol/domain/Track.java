package org.onegrid.patrol.domain;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.onegrid.shared.geo.Position;

/**
 * A patrol's track measured: its length along the ground and the share of the grid it passed within {@link #REACH}
 * metres of (the track buffered, intersected with the grid's polygon, areas compared), in a local metric plane
 * around the grid — exact to well under a percent at a grid's size.
 */
public final class Track {

    /** How far to each side of the path a walking grid worker sees. */
    public static final double REACH = 30;

    private Track() {}

    public record Measure(int distanceMetres, double coveredShare) {}

    public static Measure measure(List<Position> points, Geometry grid) {
        double distance = 0;
        for (int i = 1; i < points.size(); i++) {
            distance += points.get(i - 1).metresTo(points.get(i));
        }
        if (grid == null || grid.isEmpty() || points.isEmpty()) {
            return new Measure((int) Math.round(distance), 0);
        }
        Coordinate centre = grid.getCentroid().getCoordinate();
        double mx = 111_320 * Math.cos(Math.toRadians(centre.y));
        double my = 110_574;
        GeometryTransformer toMetres = new GeometryTransformer() {
            @Override
            protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
                    org.locationtech.jts.geom.CoordinateSequence coords, Geometry parent) {
                Coordinate[] out = new Coordinate[coords.size()];
                for (int i = 0; i < coords.size(); i++) {
                    out[i] = new Coordinate((coords.getX(i) - centre.x) * mx, (coords.getY(i) - centre.y) * my);
                }
                return factory.getCoordinateSequenceFactory().create(out);
            }
        };
        Geometry area = toMetres.transform(grid);
        GeometryFactory f = area.getFactory();
        Coordinate[] path = points.stream()
                .map(p -> new Coordinate((p.lng() - centre.x) * mx, (p.lat() - centre.y) * my))
                .toArray(Coordinate[]::new);
        Geometry walked = path.length == 1 ? f.createPoint(path[0]) : f.createLineString(path);
        double gridArea = area.getArea();
        double covered =
                gridArea == 0 ? 0 : walked.buffer(REACH).intersection(area).getArea() / gridArea;
        return new Measure((int) Math.round(distance), Math.min(1, covered));
    }
}
