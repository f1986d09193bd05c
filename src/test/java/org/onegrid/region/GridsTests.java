package org.onegrid.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.onegrid.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The grid service over the demo city's generated grids. */
@IntegrationTest
class GridsTests {

    @Autowired
    Grids grids;

    @Autowired
    Regions regions;

    @Test
    void aPointInsideEachDemoGridIsLocatedInThatGridAndItsOwnVillage() {
        assertThat(grids.count()).isEqualTo(6100);
        for (GridView g : grids.all()) {
            Point inside = grids.geometry(g.code()).orElseThrow().getInteriorPoint();
            Location l = grids.locate(inside.getX(), inside.getY()).orElseThrow();
            assertThat(l.grid()).isEqualTo(g);
            assertThat(l.village().code()).isEqualTo(g.villageCode());
            assertThat(l.town().code()).isEqualTo(l.village().parentCode());
            assertThat(l.county().level()).isEqualTo(RegionLevel.COUNTY);
            assertThat(l.city().code()).isEqualTo("3705");
        }
    }

    @Test
    void theCountiesGridsAddUpToTheCitysGrids() {
        int sum = regions.byLevel(RegionLevel.COUNTY).stream()
                .mapToInt(c -> grids.inRegion(c.code()).size())
                .sum();
        assertThat(sum).isEqualTo(grids.count());
        assertThat(grids.inRegion("3705")).hasSize(grids.count());
        assertThat(grids.inRegion("370502"))
                .allSatisfy(g ->
                        assertThat(regions.isWithin(g.villageCode(), "370502")).isTrue());
    }
}
