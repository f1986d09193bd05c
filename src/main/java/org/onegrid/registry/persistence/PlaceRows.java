package org.onegrid.registry.persistence;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Standard addresses and buildings, in plain SQL. */
@Repository
public class PlaceRows {

    private final JdbcClient jdbc;

    PlaceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new address's id; the id of the same address when it is already registered. */
    public long insertAddress(AddressRow a) {
        Optional<Long> existing = jdbc.sql("""
                        SELECT id FROM registry_address
                        WHERE village_code = :village AND road = :road AND number IS NOT DISTINCT FROM :number
                          AND building IS NOT DISTINCT FROM :building AND unit IS NOT DISTINCT FROM :unit
                          AND room IS NOT DISTINCT FROM :room
                        """)
                .param("village", a.villageCode())
                .param("road", a.road())
                .param("number", a.number())
                .param("building", a.building())
                .param("unit", a.unit())
                .param("room", a.room())
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO registry_address (county_code, town_code, village_code, road, number, building, unit,
                            room, lng, lat, grid_code, region_path)
                        VALUES (:county, :town, :village, :road, :number, :building, :unit, :room, :lng, :lat, :grid,
                            :path)
                        """)
                .param("county", a.countyCode())
                .param("town", a.townCode())
                .param("village", a.villageCode())
                .param("road", a.road())
                .param("number", a.number())
                .param("building", a.building())
                .param("unit", a.unit())
                .param("room", a.room())
                .param("lng", a.lng())
                .param("lat", a.lat())
                .param("grid", a.gridCode())
                .param("path", a.regionPath())
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<AddressRow> address(long id) {
        return jdbc.sql("""
                        SELECT id, county_code, town_code, village_code, road, number, building, unit, room, lng, lat,
                               grid_code, region_path
                        FROM registry_address WHERE id = :id
                        """).param("id", id).query(AddressRow.class).optional();
    }

    public long insertBuilding(
            long addressId,
            String name,
            Integer floors,
            String usage,
            double lng,
            double lat,
            String grid,
            String path) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO registry_building (address_id, name, floors, usage, lng, lat, grid_code, region_path)
                        VALUES (:addressId, :name, :floors, :usage, :lng, :lat, :grid, :path)
                        """)
                .param("addressId", addressId)
                .param("name", name)
                .param("floors", floors)
                .param("usage", usage)
                .param("lng", lng)
                .param("lat", lat)
                .param("grid", grid)
                .param("path", path)
                .update(key, "id");
        return key.getKey().longValue();
    }
}
