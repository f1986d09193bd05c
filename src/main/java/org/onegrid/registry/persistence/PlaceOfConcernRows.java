package org.onegrid.registry.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Active organisations with their address point, by tag and region subtree: the targets of screening plans. */
@Repository
public class PlaceOfConcernRows {

    private static final String SELECT = """
            SELECT o.id, o.name, o.credit_code, o.grid_code, o.region_path,
                   concat_ws('', a.road, a.number, a.building) AS address, a.lng, a.lat
              FROM registry_organisation o
              JOIN registry_address a ON a.id = o.address_id
            """;

    private final JdbcClient jdbc;

    PlaceOfConcernRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(
            long id,
            String name,
            String creditCode,
            String gridCode,
            String regionPath,
            String address,
            double lng,
            double lat) {}

    public List<Row> tagged(String tag, String regionPath) {
        return jdbc.sql(SELECT + """
                         JOIN registry_organisation_tag t ON t.organisation_id = o.id AND t.tag = :tag
                        WHERE o.status = 'ACTIVE' AND o.region_path LIKE :path || '%'
                        ORDER BY o.id
                        """)
                .param("tag", tag)
                .param("path", regionPath)
                .query(Row.class)
                .list();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE o.id = :id")
                .param("id", id)
                .query(Row.class)
                .optional();
    }

    public List<Row> named(String text, String regionPath, int limit) {
        return jdbc.sql(SELECT + """
                        WHERE o.status = 'ACTIVE' AND o.region_path LIKE :path || '%' AND o.name LIKE '%' || :text || '%'
                        ORDER BY o.name LIMIT :limit
                        """)
                .param("text", text)
                .param("path", regionPath)
                .param("limit", limit)
                .query(Row.class)
                .list();
    }
}
