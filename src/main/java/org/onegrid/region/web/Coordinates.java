package org.onegrid.region.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.onegrid.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Reads a WGS 84 longitude and latitude from request parameters, refusing what cannot be a point on Earth and
 * the commonest mistake of clients: latitude and longitude swapped.
 */
final class Coordinates {

    /** Plain decimal notation: no hex, no type suffixes, no NaN or Infinity. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(NaN|Infinity|Inf)", Pattern.CASE_INSENSITIVE);

    /** Mainland China and its islands, with a margin: longitude 73–136 °E, latitude 3–54 °N. */
    private static final double CHINA_MIN_LNG = 73;

    private static final double CHINA_MAX_LNG = 136;
    private static final double CHINA_MIN_LAT = 3;
    private static final double CHINA_MAX_LAT = 54;

    private Coordinates() {}

    /** A point, with the parameters' text as sent, for messages. */
    record Point(double lng, double lat, String lngText, String latText) {}

    static Point parse(String lng, String lat) {
        double x = number("lng", lng);
        double y = number("lat", lat);
        if (x >= CHINA_MIN_LAT && x <= CHINA_MAX_LAT && y >= CHINA_MIN_LNG && y <= CHINA_MAX_LNG) {
            throw swapped(lng.trim(), lat.trim());
        }
        if (x < -180 || x > 180) {
            throw Problems.invalid("lng", "lng must be a longitude between -180 and 180, not " + lng.trim());
        }
        if (y < -90 || y > 90) {
            throw Problems.invalid("lat", "lat must be a latitude between -90 and 90, not " + lat.trim());
        }
        return new Point(x, y, lng.trim(), lat.trim());
    }

    private static double number(String field, String text) {
        String what =
                field.equals("lng") ? "the longitude (WGS 84, degrees east)" : "the latitude (WGS 84, degrees north)";
        if (text == null || text.isBlank()) {
            throw Problems.invalid(field, field + " is required: " + what);
        }
        String t = text.trim();
        if (NOT_FINITE.matcher(t).matches()) {
            throw Problems.invalid(field, field + " must be a finite number, not " + t);
        }
        if (!DECIMAL.matcher(t).matches()) {
            throw Problems.invalid(field, field + " must be a number in decimal degrees, not '" + t + "'");
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            throw Problems.invalid(field, field + " must be a finite number, not " + t);
        }
        return v;
    }

    private static ErrorResponseException swapped(String lng, String lat) {
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                "lng and lat look swapped: lng=" + lng + " is a latitude in China and lat=" + lat
                        + " a longitude; did you mean lng=" + lat + "&lat=" + lng + "?",
                Map.of("field", "lng", "fields", List.of("lng", "lat")));
    }
}
