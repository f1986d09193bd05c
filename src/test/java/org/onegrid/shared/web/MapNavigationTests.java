package org.onegrid.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 导航 link of an incident's place, filled in from the configured template. */
class MapNavigationTests {

    @Test
    void withoutATemplateThereIsNoLink() {
        assertThat(new MapNavigation(" ").link(118.5, 37.1, "花园社区")).isNull();
        assertThat(new MapNavigation(null).link(118.5, 37.1, "花园社区")).isNull();
    }

    @Test
    void aPointUnknownHasNoLink() {
        assertThat(new MapNavigation("https://uri.amap.com/marker?position={lng},{lat}").link(null, null, "x"))
                .isNull();
    }

    @Test
    void theStoredWgs84PointAndTheNameGoIntoTheTemplate() {
        MapNavigation amap = new MapNavigation(
                "https://uri.amap.com/marker?position={lng},{lat}&name={name}&coordinate=wgs84&callnative=1");
        assertThat(amap.link(118.458412, 37.081309, "花园路 12 号"))
                .isEqualTo("https://uri.amap.com/marker?position=118.458412,37.081309"
                        + "&name=%E8%8A%B1%E5%9B%AD%E8%B7%AF+12+%E5%8F%B7&coordinate=wgs84&callnative=1");
    }

    @Test
    void anAppThatTakesOnlyGcj02GetsThePointShiftedAsItsMapsAre() {
        MapNavigation tencent =
                new MapNavigation("https://apis.map.qq.com/uri/v1/marker?marker=coord:{gcjLat},{gcjLng}");
        String link = tencent.link(118.458412, 37.081309, "");
        // in Dongying GCJ-02 lies about 0.0059° east and 0.0007° north of WGS-84 (some 520 m and 80 m)
        String coord = link.substring(link.indexOf("coord:") + 6);
        double lat = Double.parseDouble(coord.split(",")[0]);
        double lng = Double.parseDouble(coord.split(",")[1]);
        assertThat(lng - 118.458412).isBetween(0.004, 0.007);
        assertThat(lat - 37.081309).isBetween(0.0, 0.002);
    }
}
