package org.onegrid.staff.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.onegrid.shared.web.MapTiles;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser's rules for every answer: a Content-Security-Policy that runs only the application's own scripts and
 * inline scripts carrying this request's nonce (request attribute {@value #NONCE}, written by templates as {@code
 * th:nonce="${cspNonce}"}), loads images only from here and the configured map tiles, and lets no other site frame a
 * page; a Referrer-Policy that gives other sites (the tile server) the origin only, never a path with a tracking code
 * in it; and a Permissions-Policy that allows the position and the camera (phone report forms) to the application's
 * own pages and nothing else.
 */
final class SecurityHeaders extends OncePerRequestFilter {

    /** The request attribute holding the nonce of this request's inline scripts. */
    static final String NONCE = "cspNonce";

    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    static final String PERMISSIONS_POLICY =
            "camera=(self), geolocation=(self), microphone=(), payment=(), usb=(), interest-cohort=()";

    private final SecureRandom random = new SecureRandom();
    private final String imageSources;

    SecurityHeaders(MapTiles tiles) {
        this.imageSources = String.join(" ", imageSources(tiles));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE, nonce);
        response.setHeader("Content-Security-Policy", policy(nonce));
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        chain.doFilter(request, response);
    }

    /**
     * Styles may be inline (Leaflet, htmx and a few templates set them; a style runs no code); scripts may not, unless
     * they carry the nonce.
     */
    String policy(String nonce) {
        return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self' 'unsafe-inline';"
                + " img-src " + imageSources + "; font-src 'self' data:; connect-src 'self'; object-src 'none';"
                + " base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    }

    /**
     * Where images may come from: here, data and blob URLs (Leaflet's and the photo previews), and the hosts of the
     * configured tile URLs, a subdomain placeholder ({@code t{s}.tianditu.gov.cn}) widened to a wildcard.
     */
    static List<String> imageSources(MapTiles tiles) {
        Set<String> sources = new LinkedHashSet<>(List.of("'self'", "data:", "blob:"));
        if (tiles != null) {
            for (MapTiles.ClientLayer layer : tiles.layers()) {
                for (String url : new String[] {layer.url(), layer.labelsUrl()}) {
                    String source = origin(url);
                    if (source != null) {
                        sources.add(source);
                    }
                }
            }
        }
        return List.copyOf(sources);
    }

    private static String origin(String template) {
        if (template == null) {
            return null;
        }
        int schemeEnd = template.indexOf("://");
        if (schemeEnd < 0) {
            return null;
        }
        String scheme = template.substring(0, schemeEnd);
        String rest = template.substring(schemeEnd + 3);
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        int dot = authority.indexOf('.');
        if (authority.contains("{") && dot > 0 && authority.substring(0, dot).contains("{")) {
            authority = "*" + authority.substring(dot);
        }
        if (authority.contains("{") || authority.isEmpty()) {
            return null;
        }
        try {
            URI.create(scheme + "://" + authority.replace("*", "x"));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return scheme + "://" + authority;
    }
}
