package org.onegrid.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The tile settings as an operator writes them, bound the way Spring Boot binds them, and what the pages get. */
class MapTilesTests {

    static final String VEC = "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
            + "&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}";
    static final String IMG = VEC.replace("vec_w", "img_w").replace("LAYER=vec", "LAYER=img");
    static final String CIA = VEC.replace("vec_w", "cia_w").replace("LAYER=vec", "LAYER=cia");

    static MapTiles bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("onegrid.map.tiles", MapTiles.class);
    }

    @Test
    void withNothingConfiguredMapsKeepTheirOwnBoundariesOnly() {
        MapTiles tiles = bind(Map.of());
        assertThat(tiles.configured()).isFalse();
        assertThat(tiles.layers()).isEmpty();
        assertThat(tiles.clientJson()).isEmpty();
        assertThat(bind(Map.of("onegrid.map.tiles.road.url", " ", "onegrid.map.tiles.key", "k"))
                        .configured())
                .isFalse();
    }

    @Test
    void tiandituRoadAndSatelliteUrlsGetTheKeyAndComeRoadFirst() {
        MapTiles tiles = bind(Map.of(
                "onegrid.map.tiles.satellite.url",
                IMG,
                "onegrid.map.tiles.satellite.labels-url",
                CIA,
                "onegrid.map.tiles.road.url",
                VEC,
                "onegrid.map.tiles.key",
                "0123abcd",
                "onegrid.map.tiles.attribution",
                "天地图 GS(2024)0568号",
                "onegrid.map.tiles.subdomains",
                "01234567"));
        assertThat(tiles.configured()).isTrue();
        assertThat(tiles.layers()).extracting(MapTiles.ClientLayer::id).containsExactly("road", "satellite");
        assertThat(tiles.layers().get(0).url())
                .contains("vec_w", "tk=0123abcd", "{s}", "{z}", "{x}", "{y}")
                .doesNotContain("{key}");
        assertThat(tiles.layers().get(0).labelsUrl()).isNull();
        assertThat(tiles.layers().get(1).labelsUrl()).contains("cia_w", "tk=0123abcd");

        JsonNode client = JsonMapper.builder().build().readTree(tiles.clientJson());
        assertThat(client.get("layers")).hasSize(2);
        assertThat(client.get("layers").get(1).get("id").asString()).isEqualTo("satellite");
        assertThat(client.get("layers").get(1).get("url").asString()).isEqualTo(IMG.replace("{key}", "0123abcd"));
        assertThat(client.get("attribution").asString()).isEqualTo("天地图 GS(2024)0568号");
        assertThat(client.get("subdomains").asString()).isEqualTo("01234567");
        assertThat(client.get("maxZoom").asInt()).isEqualTo(18);
    }

    @Test
    void aSatelliteLayerAloneIsOfferedWithTheDefaults() {
        MapTiles tiles = bind(Map.of("onegrid.map.tiles.satellite.url", "https://tiles.example/{z}/{x}/{y}.jpg"));
        assertThat(tiles.layers()).extracting(MapTiles.ClientLayer::id).containsExactly("satellite");
        assertThat(tiles.subdomains()).isEqualTo("abc");
        assertThat(tiles.maxZoom()).isEqualTo(18);
    }

    @Test
    void aUrlThatNeedsAKeyWithoutOneStopsTheStartWithTheSettingNamed() {
        assertThatThrownBy(() -> bind(Map.of("onegrid.map.tiles.road.url", VEC)))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause()
                .hasMessageContaining("onegrid.map.tiles.road")
                .hasMessageContaining("onegrid.map.tiles.key");
        assertThatThrownBy(() ->
                        bind(Map.of("onegrid.map.tiles.road.url", "x/{z}/{x}/{y}", "onegrid.map.tiles.max-zoom", "30")))
                .rootCause()
                .hasMessageContaining("max-zoom");
    }

    @Test
    void quotesInAnAttributionCannotBreakThePageConfiguration() {
        MapTiles tiles = new MapTiles(
                new MapTiles.Layer("https://a/{z}/{x}/{y}.png", null), null, null, "\"</meta><script>", null, 19);
        JsonNode client = JsonMapper.builder().build().readTree(tiles.clientJson());
        assertThat(client.get("attribution").asString()).isEqualTo("\"</meta><script>");
        assertThat(client.get("maxZoom").asInt()).isEqualTo(19);
    }
}
