package org.onegrid.shared.geo;

/** A point in WGS 84, as the browser gives it. */
public record Position(double lng, double lat) {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    /** Metres along the earth's surface (haversine): exact enough for a door and a street. */
    public double metresTo(Position other) {
        double p1 = Math.toRadians(lat);
        double p2 = Math.toRadians(other.lat);
        double dp = p2 - p1;
        double dl = Math.toRadians(other.lng - lng);
        double a =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    public boolean valid() {
        return Double.isFinite(lng) && Double.isFinite(lat) && lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;
    }
}
