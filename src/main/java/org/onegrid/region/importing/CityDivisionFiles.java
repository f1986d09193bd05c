package org.onegrid.region.importing;

import java.util.Map;

/**
 * One city's divisions in the china-division CSV layout plus its county boundaries.
 *
 * @param cityCode the 4-digit city code to import, e.g. {@code 3705}; rows of other cities are ignored, so
 *     the whole national files may be given
 * @param cities {@code code,name,provinceCode}
 * @param areas {@code code,name,cityCode,provinceCode}: counties and districts, and functional zones
 * @param streets {@code code,name,areaCode,provinceCode,cityCode}: towns and streets
 * @param villages {@code code,name,streetCode,provinceCode,cityCode,areaCode}
 * @param boundaries a GeoJSON FeatureCollection, one feature per county, {@code id} (or {@code properties.code}
 *     / {@code properties.adcode}) its 6-digit code
 * @param zoneHosts for each functional zone (an area without a boundary of its own): the county it lies in
 */
public record CityDivisionFiles(
        String cityCode,
        byte[] cities,
        byte[] areas,
        byte[] streets,
        byte[] villages,
        byte[] boundaries,
        Map<String, String> zoneHosts) {}
