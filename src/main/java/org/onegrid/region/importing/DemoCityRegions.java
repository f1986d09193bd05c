package org.onegrid.region.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Imports the demo city, Dongying (东营市 3705), from the data shipped in the application, once. */
@Component
@Order(10)
@ConditionalOnProperty(name = "onegrid.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoCityRegions implements ApplicationRunner {

    static final String CITY = "3705";
    private static final Logger log = LoggerFactory.getLogger(DemoCityRegions.class);

    private final RegionImporter importer;
    private final JdbcClient jdbc;

    DemoCityRegions(RegionImporter importer, JdbcClient jdbc) {
        this.importer = importer;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean present = jdbc.sql("SELECT count(*) FROM region WHERE code = :c")
                        .param("c", CITY)
                        .query(Long.class)
                        .single()
                > 0;
        if (present) {
            return;
        }
        RegionImporter.ImportSummary s = importer.importCity(files());
        log.info(
                "Demo city {} {} imported: {} counties, {} towns, {} villages",
                s.cityCode(),
                s.cityName(),
                s.counties(),
                s.towns(),
                s.villages());
    }

    static CityDivisionFiles files() {
        return new CityDivisionFiles(
                CITY,
                read("cities.csv"),
                read("areas.csv"),
                read("streets.csv"),
                read("villages.csv"),
                read("boundaries.geojson"),
                zoneHosts());
    }

    static Map<String, String> zoneHosts() {
        Map<String, String> hosts = new java.util.LinkedHashMap<>();
        String[] lines = new String(read("zones.csv"), java.nio.charset.StandardCharsets.UTF_8).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            if (f.length == 2) {
                hosts.put(f[0].trim(), f[1].trim());
            }
        }
        return hosts;
    }

    static byte[] read(String name) {
        try (InputStream in = new ClassPathResource("demo/dongying/" + name).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("demo data demo/dongying/" + name + " is missing from the application", e);
        }
    }
}
