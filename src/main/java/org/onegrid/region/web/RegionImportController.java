package org.onegrid.region.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onegrid.region.importing.CityDivisionFiles;
import org.onegrid.region.importing.ImportError;
import org.onegrid.region.importing.ImportRejected;
import org.onegrid.region.importing.RegionImporter;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Import of a city's region tree by an administrator. */
@RestController
class RegionImportController {

    private final RegionImporter importer;

    RegionImportController(RegionImporter importer) {
        this.importer = importer;
    }

    /**
     * @param zones functional zones and their host counties, as {@code 370571:370502,370572:370503}
     */
    @PostMapping(path = "/api/v1/regions/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    RegionImporter.ImportSummary importCity(
            @RequestParam String cityCode,
            @RequestPart(required = false) MultipartFile cities,
            @RequestPart(required = false) MultipartFile areas,
            @RequestPart(required = false) MultipartFile streets,
            @RequestPart(required = false) MultipartFile villages,
            @RequestPart(required = false) MultipartFile boundaries,
            @RequestParam(required = false) String zones) {
        return importer.importCity(new CityDivisionFiles(
                cityCode,
                bytes(cities),
                bytes(areas),
                bytes(streets),
                bytes(villages),
                bytes(boundaries),
                zoneHosts(zones)));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> zoneHosts(String zones) {
        Map<String, String> hosts = new LinkedHashMap<>();
        if (zones == null || zones.isBlank()) {
            return hosts;
        }
        for (String pair : zones.split(",")) {
            String[] kv = pair.trim().split(":");
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new ImportRejected(List.of(new ImportError(
                        "zones", null, "zones", "'" + pair.trim() + "' is not zoneCode:hostCountyCode")));
            }
            hosts.put(kv[0].trim(), kv[1].trim());
        }
        return hosts;
    }
}
