package org.onegrid.shared.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes GeoJSON (RFC 7946) polygons as JTS geometries, lon/lat in WGS 84 order. Only the
 * geometry types a region or grid can have (Polygon, MultiPolygon) are read; anything else is rejected with
 * a message that names the problem.
 */
public final class GeoJson {

    /** SRID 4326, double precision: the factory every OneGrid geometry is made with. */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJson() {}

    /** Thrown for GeoJSON that cannot become a polygon; the message says why. */
    public static final class InvalidGeoJson extends RuntimeException {
        public InvalidGeoJson(String message) {
            super(message);
        }
    }

    public static Geometry readPolygonal(JsonNode geometry) {
        if (geometry == null || geometry.isNull() || geometry.isMissingNode()) {
            throw new InvalidGeoJson("geometry is missing");
        }
        String type = geometry.path("type").asString("");
        JsonNode coords = geometry.path("coordinates");
        if (!coords.isArray()) {
            throw new InvalidGeoJson("geometry has no coordinates array");
        }
        return switch (type) {
            case "Polygon" -> polygon(coords);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coords.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coords.get(i));
                }
                if (parts.length == 0) {
                    throw new InvalidGeoJson("MultiPolygon has no polygons");
                }
                yield FACTORY.createMultiPolygon(parts);
            }
            default -> throw new InvalidGeoJson("geometry type must be Polygon or MultiPolygon, not '" + type + "'");
        };
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new InvalidGeoJson("a polygon needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new InvalidGeoJson("a ring needs at least 4 positions");
        }
        Coordinate[] cs = new Coordinate[positions.size()];
        for (int i = 0; i < cs.length; i++) {
            JsonNode p = positions.get(i);
            if (!p.isArray()
                    || p.size() < 2
                    || !p.get(0).isNumber()
                    || !p.get(1).isNumber()) {
                throw new InvalidGeoJson("position " + i + " is not [lng, lat]");
            }
            double lng = p.get(0).asDouble();
            double lat = p.get(1).asDouble();
            if (!Double.isFinite(lng) || !Double.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
                throw new InvalidGeoJson("position " + i + " [" + lng + ", " + lat + "] is not a lon/lat coordinate");
            }
            cs[i] = new Coordinate(lng, lat);
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new InvalidGeoJson("a ring must end where it starts");
        }
        return FACTORY.createLinearRing(cs);
    }

    /** The geometry as a GeoJSON object (maps and lists, ready for JSON serialisation). */
    public static Map<String, Object> write(Geometry geometry) {
        return write(geometry, 7);
    }

    /**
     * The geometry as a GeoJSON object with coordinates rounded to {@code decimals} places: 7 are about a
     * centimetre, 6 about ten, which is plenty for drawing a map and a seventh smaller.
     */
    public static Map<String, Object> write(Geometry geometry, int decimals) {
        double scale = Math.pow(10, decimals);
        Map<String, Object> out = new LinkedHashMap<>();
        if (geometry instanceof Polygon p) {
            out.put("type", "Polygon");
            out.put("coordinates", rings(p, scale));
        } else if (geometry instanceof MultiPolygon mp) {
            out.put("type", "MultiPolygon");
            List<Object> polys = new ArrayList<>();
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                polys.add(rings((Polygon) mp.getGeometryN(i), scale));
            }
            out.put("coordinates", polys);
        } else {
            throw new IllegalArgumentException("only polygons are written, not " + geometry.getGeometryType());
        }
        return out;
    }

    private static List<Object> rings(Polygon p, double scale) {
        List<Object> rings = new ArrayList<>();
        rings.add(positions(p.getExteriorRing(), scale));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            rings.add(positions(p.getInteriorRingN(i), scale));
        }
        return rings;
    }

    private static List<double[]> positions(LineString ring, double scale) {
        List<double[]> out = new ArrayList<>(ring.getNumPoints());
        for (Coordinate c : ring.getCoordinates()) {
            out.add(new double[] {Math.round(c.x * scale) / scale, Math.round(c.y * scale) / scale});
        }
        return out;
    }

    /** Area in square metres of a lon/lat geometry, by a local equirectangular projection (good to &lt;0.5 % at city scale). */
    public static double areaSquareMetres(Geometry g) {
        double lat = g.getCentroid().getY();
        double metresPerDegree = 111_319.49;
        return g.getArea() * metresPerDegree * metresPerDegree * Math.cos(Math.toRadians(lat));
    }
}
