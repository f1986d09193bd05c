package org.onegrid.shared.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.onegrid.shared.geo.Gcj02;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The "导航" link of an incident's place ({@code onegrid.map.navigation.url}): a URL template that opens a point in
 * the map app the city's staff use. {@code {lng}} and {@code {lat}} are the point as stored (WGS-84, for apps that
 * take it, e.g. 高德 with {@code coordinate=wgs84} or 百度 with {@code coord_type=wgs84}); {@code {gcjLng}} and
 * {@code {gcjLat}} are the same point in GCJ-02, for apps that take only that; {@code {name}} is the place's name,
 * URL-encoded. Without a template there is no link.
 *
 * @param url the template, e.g. {@code https://uri.amap.com/marker?position={lng},{lat}&name={name}&coordinate=wgs84}
 */
@ConfigurationProperties("onegrid.map.navigation")
public record MapNavigation(String url) {

    public MapNavigation {
        url = url == null || url.isBlank() ? null : url.strip();
    }

    /** The link for a point, or null when no template is configured or the point is unknown. */
    public String link(Double lng, Double lat, String name) {
        if (url == null || lng == null || lat == null) {
            return null;
        }
        double[] gcj = Gcj02.fromWgs84(lng, lat);
        return url.replace("{lng}", decimal(lng))
                .replace("{lat}", decimal(lat))
                .replace("{gcjLng}", decimal(gcj[0]))
                .replace("{gcjLat}", decimal(gcj[1]))
                .replace("{name}", URLEncoder.encode(name == null ? "" : name, StandardCharsets.UTF_8));
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
