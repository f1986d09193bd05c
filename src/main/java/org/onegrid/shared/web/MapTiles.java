package org.onegrid.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tile layers every map may show under the city's own boundaries and grids ({@code onegrid.map.tiles.*}). The
 * boundaries are the base and work offline; when a road map (2D) or satellite URL is configured, each map offers a
 * switch between them and no tiles. Templates read this bean as {@code @mapTiles} through {@code fragments/map}; the
 * browser side is {@code /js/map-tiles.js}.
 *
 * <p>URLs are Leaflet templates ({@code {z}/{x}/{y}}, {@code {s}} for a subdomain); {@code {key}} is replaced here by
 * {@link #key()}, e.g. 天地图 {@code https://t{s}.tianditu.gov.cn/vec_w/wmts?…&tk={key}} with subdomains {@code
 * 01234567}. The key reaches every browser that shows a map, as a browser key of a tile service does; restrict it
 * to the city's domain at the provider.
 *
 * @param road the 2D map 电子地图, e.g. 天地图 {@code vec_w} with its labels {@code cva_w}; may be null
 * @param satellite the satellite imagery 影像, e.g. 天地图 {@code img_w} with its labels {@code cia_w}; may be null
 * @param key replaces {@code {key}} in every URL; required when a URL has it
 * @param attribution shown in the map's corner while tiles are on (a provider's 审图号 belongs here)
 * @param subdomains the letters or digits {@code {s}} takes, {@code abc} unless given
 * @param maxZoom the deepest zoom the tiles have, 18 unless given
 */
@ConfigurationProperties("onegrid.map.tiles")
public record MapTiles(
        Layer road, Layer satellite, String key, String attribution, String subdomains, Integer maxZoom) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One switchable layer.
     *
     * @param url the tiles' URL template; blank means the layer is not offered
     * @param labelsUrl an optional second layer drawn on top (place names for imagery that has none); may be null
     */
    public record Layer(String url, String labelsUrl) {

        public Layer {
            url = blankToNull(url);
            labelsUrl = blankToNull(labelsUrl);
        }
    }

    /** A layer as the browser gets it: the key filled in. */
    public record ClientLayer(String id, String url, String labelsUrl) {}

    /**
     * @throws IllegalArgumentException when a URL asks for {@code {key}} and no key is set, so a deployment finds out
     *     at start rather than from blank maps
     */
    public MapTiles {
        road = road == null || road.url() == null ? null : road;
        satellite = satellite == null || satellite.url() == null ? null : satellite;
        key = blankToNull(key);
        attribution = blankToNull(attribution);
        subdomains = blankToNull(subdomains) == null ? "abc" : subdomains.strip();
        maxZoom = maxZoom == null ? 18 : maxZoom;
        if (maxZoom < 1 || maxZoom > 23) {
            throw new IllegalArgumentException("onegrid.map.tiles.max-zoom must be between 1 and 23, not " + maxZoom);
        }
        for (Map.Entry<String, Layer> each : named(road, satellite).entrySet()) {
            Layer layer = each.getValue();
            for (String url : new String[] {layer.url(), layer.labelsUrl()}) {
                if (url != null && url.contains("{key}") && key == null) {
                    throw new IllegalArgumentException("onegrid.map.tiles." + each.getKey()
                            + " has {key} in its URL, but onegrid.map.tiles.key is not set");
                }
            }
        }
    }

    /** No tiles: maps show the city's own boundaries only. */
    public static MapTiles none() {
        return new MapTiles(null, null, null, null, null, null);
    }

    /** Whether any tile layer is configured; without one, maps stay as they are (offline). */
    public boolean configured() {
        return road != null || satellite != null;
    }

    /** The configured layers in the order the switch offers them (2D first), keys filled in. */
    public List<ClientLayer> layers() {
        List<ClientLayer> layers = new ArrayList<>();
        named(road, satellite)
                .forEach((id, layer) ->
                        layers.add(new ClientLayer(id, withKey(layer.url()), withKey(layer.labelsUrl()))));
        return layers;
    }

    /**
     * What {@code map-tiles.js} reads from the page: {@code {"layers":[{"id":"road","url":…}],"attribution":…,
     * "subdomains":…,"maxZoom":…}}; empty when nothing is configured, so a page without tiles carries nothing.
     */
    public String clientJson() {
        if (!configured()) {
            return "";
        }
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("layers", layers());
        client.put("attribution", attribution == null ? "" : attribution);
        client.put("subdomains", subdomains);
        client.put("maxZoom", maxZoom);
        return JSON.writeValueAsString(client);
    }

    private String withKey(String url) {
        return url == null || key == null ? url : url.replace("{key}", key);
    }

    private static Map<String, Layer> named(Layer road, Layer satellite) {
        Map<String, Layer> named = new LinkedHashMap<>();
        if (road != null && road.url() != null) {
            named.put("road", road);
        }
        if (satellite != null && satellite.url() != null) {
            named.put("satellite", satellite);
        }
        return named;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
