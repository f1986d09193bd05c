package org.onegrid.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.region.importing.CityDivisionFiles;
import org.onegrid.region.importing.ImportError;
import org.onegrid.region.importing.ImportRejected;
import org.onegrid.region.importing.RegionImporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Imports a small made-up city 9901 next to the demo city; rejected inputs must leave no trace. */
@IntegrationTest
class RegionImporterTests {

    @Autowired
    RegionImporter importer;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    static final String CITIES = "code,name,provinceCode\n9901,\"测试市\",99\n";
    static final String AREAS = "code,name,cityCode,provinceCode\n990101,\"甲区\",9901,99\n990171,\"开发区\",9901,99\n";
    static final String STREETS = "code,name,areaCode,provinceCode,cityCode\n990101001,\"一街道\",990101,99,9901\n"
            + "990171400,\"开发区直属\",990171,99,9901\n";
    static final String VILLAGES = "code,name,streetCode,provinceCode,cityCode,areaCode\n"
            + "990101001001,\"一社区\",990101001,99,9901,990101\n"
            + "990171400001,\"园区社区\",990171400,99,9901,990171\n";
    static final String BOUNDARIES = """
            {"type":"FeatureCollection","features":[{"type":"Feature","id":"990101","properties":{"name":"甲区"},
             "geometry":{"type":"Polygon","coordinates":[[[100,10],[100.1,10],[100.1,10.1],[100,10.1],[100,10]]]}}]}
            """;

    static CityDivisionFiles files(String villages, String boundaries, Map<String, String> zones) {
        return new CityDivisionFiles(
                "9901",
                CITIES.getBytes(StandardCharsets.UTF_8),
                AREAS.getBytes(StandardCharsets.UTF_8),
                STREETS.getBytes(StandardCharsets.UTF_8),
                villages == null ? null : villages.getBytes(StandardCharsets.UTF_8),
                boundaries.getBytes(StandardCharsets.UTF_8),
                zones);
    }

    long rowsOfTestCity() {
        return jdbc.sql("SELECT count(*) FROM region WHERE path LIKE '/9901/%'")
                .query(Long.class)
                .single();
    }

    @Test
    void aGbkEncodedFileIsRejectedWithItsLineAndNothingIsImported() {
        byte[] gbk = VILLAGES.getBytes(Charset.forName("GBK"));
        CityDivisionFiles input = new CityDivisionFiles(
                "9901",
                CITIES.getBytes(StandardCharsets.UTF_8),
                AREAS.getBytes(StandardCharsets.UTF_8),
                STREETS.getBytes(StandardCharsets.UTF_8),
                gbk,
                BOUNDARIES.getBytes(StandardCharsets.UTF_8),
                Map.of("990171", "990101"));
        assertThatThrownBy(() -> importer.importCity(input))
                .isInstanceOfSatisfying(
                        ImportRejected.class,
                        e -> assertThat(e.errors())
                                .extracting(ImportError::file, ImportError::line)
                                .contains(org.assertj.core.groups.Tuple.tuple("villages.csv", 2)));
        assertThat(rowsOfTestCity()).isZero();
    }

    @Test
    void aVillageOfAnUnknownTownIsReportedByLineAndFieldAndNothingIsImported() {
        String villages = VILLAGES + "990101009001,\"无主村\",990101009,99,9901,990101\n";
        assertThatThrownBy(() -> importer.importCity(files(villages, BOUNDARIES, Map.of("990171", "990101"))))
                .isInstanceOfSatisfying(
                        ImportRejected.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new ImportError(
                                        "villages.csv", 4, "streetCode", "unknown town/street 990101009")));
        assertThat(rowsOfTestCity()).isZero();
    }

    @Test
    void aZoneWithoutBoundaryOrHostCountyIsRejected() {
        assertThatThrownBy(() -> importer.importCity(files(VILLAGES, BOUNDARIES, Map.of())))
                .isInstanceOf(ImportRejected.class)
                .hasMessageContaining("990171");
    }

    @Test
    void emptyFilesAndMalformedGeoJsonAreReported() {
        assertThatThrownBy(() -> importer.importCity(files("", "{not json", Map.of("990171", "990101"))))
                .isInstanceOfSatisfying(
                        ImportRejected.class,
                        e -> assertThat(e.errors())
                                .extracting(ImportError::file)
                                .contains("villages.csv", "boundaries.geojson"));
        assertThat(rowsOfTestCity()).isZero();
    }

    @Test
    void aCleanCityIsImportedWithZoneTownsUnderTheirHostCounty() {
        RegionImporter.ImportSummary s = importer.importCity(files(VILLAGES, BOUNDARIES, Map.of("990171", "990101")));
        assertThat(s).isEqualTo(new RegionImporter.ImportSummary("9901", "测试市", 1, 2, 2));
        assertThat(regions.find("990171400").orElseThrow().parentCode()).isEqualTo("990101");
        assertThat(regions.isWithin("990171400001", "9901")).isTrue();
        assertThat(regions.isWithin("990171400001", "3705")).isFalse();
        jdbc.sql("DELETE FROM region WHERE path LIKE '/9901/%' AND level = 'VILLAGE'")
                .update();
        jdbc.sql("DELETE FROM region WHERE path LIKE '/9901/%' AND level = 'TOWN'")
                .update();
        jdbc.sql("DELETE FROM region WHERE path LIKE '/9901/%' AND level = 'COUNTY'")
                .update();
        jdbc.sql("DELETE FROM region WHERE code = '9901'").update();
        regions.refresh();
    }
}
