package org.onegrid.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.onegrid.region.generating.GridGenerator;
import org.onegrid.shared.geo.GeoJson;

class GridGeneratorTests {

    /** A 0.2° × 0.1° rectangle with a notch, near Dongying. */
    static final Geometry COUNTY = GeoJson.FACTORY
            .toGeometry(new org.locationtech.jts.geom.Envelope(118.4, 118.6, 37.4, 37.5))
            .difference(GeoJson.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(118.55, 118.6, 37.45, 37.5)));

    static List<GridGenerator.Town> towns() {
        List<GridGenerator.Town> towns = new ArrayList<>();
        for (int t = 1; t <= 3; t++) {
            List<GridGenerator.Village> vs = new ArrayList<>();
            for (int v = 1; v <= 4 * t; v++) {
                String code = "370502" + String.format("%03d", t) + String.format("%03d", v);
                vs.add(new GridGenerator.Village(code, (v % 2 == 0 ? "幸福社区" : "李家村") + v));
            }
            towns.add(new GridGenerator.Town("370502" + String.format("%03d", t), vs));
        }
        return towns;
    }

    @Test
    void theSameCountyAndVillagesAlwaysGiveTheSameGrids() {
        WKBWriter wkb = new WKBWriter();
        List<GridGenerator.GeneratedGrid> first = GridGenerator.partition("370502", COUNTY, towns(), 100);
        List<GridGenerator.GeneratedGrid> second = GridGenerator.partition("370502", COUNTY, towns(), 100);
        assertThat(first).hasSize(100);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).code()).isEqualTo(first.get(i).code());
            assertThat(wkb.write(second.get(i).geometry()))
                    .isEqualTo(wkb.write(first.get(i).geometry()));
        }
    }

    @Test
    void gridsTileTheCountyAndEveryVillageGetsOne() {
        List<GridGenerator.GeneratedGrid> grids = GridGenerator.partition("370502", COUNTY, towns(), 30);
        assertThat(grids).hasSize(30);
        assertThat(grids.stream().map(GridGenerator.GeneratedGrid::villageCode).distinct())
                .hasSize(24);
        double sum = grids.stream().mapToDouble(g -> g.geometry().getArea()).sum();
        assertThat(Math.abs(sum - COUNTY.getArea()) / COUNTY.getArea()).isLessThan(1e-9);
    }

    @Test
    void communitiesGetUrbanGridsAndVillagesRuralOnes() {
        List<GridGenerator.GeneratedGrid> grids = GridGenerator.partition("370502", COUNTY, towns(), 24);
        assertThat(grids)
                .allSatisfy(
                        g -> assertThat(g.type()).isEqualTo(g.name().contains("社区") ? GridType.URBAN : GridType.RURAL));
    }

    @Test
    void fewerGridsThanVillagesIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GridGenerator.partition("370502", COUNTY, towns(), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one per village");
    }
}
