package org.onegrid.region.web;

import java.util.List;
import java.util.Map;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.shared.web.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read access to the region tree. */
@RestController
@RequestMapping("/api/v1/regions")
class RegionController {

    private final Regions regions;
    private final RegionBoundaries boundaries;

    RegionController(Regions regions, RegionBoundaries boundaries) {
        this.regions = regions;
        this.boundaries = boundaries;
    }

    record RegionDetail(
            String code,
            String name,
            String level,
            String levelLabel,
            String parentCode,
            List<RegionView> lineage,
            List<Child> children) {}

    record Child(String code, String name, String level) {}

    /** The top regions (the cities imported). */
    @GetMapping
    List<Child> roots() {
        return regions.all().stream()
                .filter(r -> r.parentCode() == null)
                .map(r -> new Child(r.code(), r.name(), r.level().name()))
                .toList();
    }

    @GetMapping("/{code}")
    RegionDetail region(@PathVariable String code) {
        RegionView r = regions.find(code).orElseThrow(() -> Problems.notFound("Region", code));
        return new RegionDetail(
                r.code(),
                r.name(),
                r.level().name(),
                r.level().label(),
                r.parentCode(),
                regions.lineage(code),
                regions.children(code).stream()
                        .map(c -> new Child(c.code(), c.name(), c.level().name()))
                        .toList());
    }

    /** The boundaries of a city's or county's children (or its own) as a GeoJSON FeatureCollection. */
    @GetMapping("/{code}/boundaries")
    Map<String, Object> boundaries(@PathVariable String code) {
        regions.find(code).orElseThrow(() -> Problems.notFound("Region", code));
        return boundaries.featureCollection(code);
    }
}
