package org.onegrid.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.onegrid.IntegrationTest;
import org.onegrid.shared.geo.GeoJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class DemoCityGridsTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Regions regions;

    @Autowired
    ObjectMapper json;

    record Row(String code, String villageCode, Geometry geometry) {}

    List<Row> grids() {
        WKBReader reader = new WKBReader(GeoJson.FACTORY);
        return jdbc.sql("SELECT code, village_code, geometry FROM grid ORDER BY code")
                .query((rs, n) -> {
                    try {
                        return new Row(rs.getString(1), rs.getString(2), reader.read(rs.getBytes(3)));
                    } catch (ParseException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .list();
    }

    @Test
    void theDemoCityHasAGridForEachOfItsSixThousandOneHundredGridWorkers() {
        assertThat(grids()).hasSize(6100);
    }

    @Test
    void everyVillageHasAtLeastOneGridAndEveryGridIsValid() {
        Map<String, Integer> perVillage = new HashMap<>();
        for (Row g : grids()) {
            perVillage.merge(g.villageCode(), 1, Integer::sum);
            assertThat(g.geometry().isValid()).as(g.code()).isTrue();
            assertThat(g.code()).startsWith(g.villageCode());
        }
        assertThat(perVillage.keySet())
                .containsExactlyInAnyOrderElementsOf(regions.byLevel(RegionLevel.VILLAGE).stream()
                        .map(RegionView::code)
                        .toList());
    }

    @Test
    void gridsOfACountyCoverItWithoutOverlapping() {
        List<Row> all = grids();
        for (RegionView county : regions.byLevel(RegionLevel.COUNTY)) {
            Geometry boundary =
                    GeoJson.readPolygonal(json.readTree(jdbc.sql("SELECT boundary FROM region WHERE code = :c")
                            .param("c", county.code())
                            .query(String.class)
                            .single()));
            List<Geometry> mine = new ArrayList<>();
            STRtree tree = new STRtree();
            for (Row g : all) {
                if (regions.isWithin(g.villageCode(), county.code())) {
                    mine.add(g.geometry());
                    tree.insert(g.geometry().getEnvelopeInternal(), g);
                }
            }
            Geometry union = UnaryUnionOp.union(mine);
            double difference = union.symDifference(boundary).getArea() / boundary.getArea();
            assertThat(difference).as("area difference of %s", county.name()).isLessThan(0.001);

            double summed = mine.stream().mapToDouble(Geometry::getArea).sum();
            assertThat(Math.abs(summed - union.getArea()) / union.getArea())
                    .as("overlap within %s", county.name())
                    .isLessThan(1e-9);
        }
    }
}
