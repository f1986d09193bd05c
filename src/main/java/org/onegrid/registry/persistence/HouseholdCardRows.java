package org.onegrid.registry.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Relation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Households with their address point and members in one query, for the modules that visit them (patrol): a grid's
 * households in one round trip, not one per member.
 */
@Repository
public class HouseholdCardRows {

    private static final String SELECT = """
            SELECT h.id, h.grid_code, h.region_path, a.road, a.number, a.building, a.unit, a.room, a.lng, a.lat,
                   m.person_id, m.relation, p.name_sealed, p.status,
                   ARRAY(SELECT t.tag FROM registry_person_tag t WHERE t.person_id = p.id ORDER BY t.tag) AS tags
              FROM registry_household h
              JOIN registry_address a ON a.id = h.address_id
              LEFT JOIN registry_household_member m ON m.household_id = h.id
              LEFT JOIN registry_person p ON p.id = m.person_id
            """;

    private final JdbcClient jdbc;
    private final PersonalData data;

    HouseholdCardRows(JdbcClient jdbc, PersonalData data) {
        this.jdbc = jdbc;
        this.data = data;
    }

    /** A member as the card shows it; the name still in the clear, for the facade to mask. */
    public record MemberRow(long personId, String name, Relation relation, Set<PersonTag> tags) {}

    public record CardRow(
            long id,
            String gridCode,
            String regionPath,
            String road,
            String number,
            String building,
            String unit,
            String room,
            double lng,
            double lat,
            List<MemberRow> members) {}

    /** The active households of these grids, by id. */
    public List<CardRow> inGrids(List<String> gridCodes) {
        if (gridCodes.isEmpty()) {
            return List.of();
        }
        return cards(
                jdbc.sql(SELECT + " WHERE h.status = 'ACTIVE' AND h.grid_code = ANY(:grids) ORDER BY h.id, m.person_id")
                        .param("grids", gridCodes.toArray(String[]::new)));
    }

    /** The active households of a region subtree (by path), by id. */
    public List<CardRow> inRegion(String regionPath) {
        return cards(jdbc.sql(SELECT
                        + " WHERE h.status = 'ACTIVE' AND h.region_path LIKE :path || '%' ORDER BY h.id, m.person_id")
                .param("path", regionPath));
    }

    public Optional<CardRow> find(long householdId) {
        return cards(jdbc.sql(SELECT + " WHERE h.id = :id ORDER BY m.person_id").param("id", householdId)).stream()
                .findFirst();
    }

    /** Households and persons (members) registered per grid in a region subtree. */
    public record GridCountRow(String gridCode, String regionPath, int households, int persons) {}

    public List<GridCountRow> countsByGrid(String regionPath) {
        return jdbc.sql("""
                        SELECT h.grid_code, min(h.region_path) AS region_path, count(DISTINCT h.id) AS households,
                               count(m.person_id) AS persons
                          FROM registry_household h
                          LEFT JOIN registry_household_member m ON m.household_id = h.id
                         WHERE h.status = 'ACTIVE' AND h.region_path LIKE :path || '%'
                         GROUP BY h.grid_code
                        """).param("path", regionPath).query(GridCountRow.class).list();
    }

    private List<CardRow> cards(JdbcClient.StatementSpec spec) {
        Map<Long, CardRow> byId = new LinkedHashMap<>();
        spec.query((ResultSet rs) -> {
            long id = rs.getLong("id");
            CardRow card = byId.computeIfAbsent(id, k -> {
                try {
                    return new CardRow(
                            k,
                            rs.getString("grid_code"),
                            rs.getString("region_path"),
                            rs.getString("road"),
                            rs.getString("number"),
                            rs.getString("building"),
                            rs.getString("unit"),
                            rs.getString("room"),
                            rs.getDouble("lng"),
                            rs.getDouble("lat"),
                            new ArrayList<>());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long person = rs.getLong("person_id");
            if (!rs.wasNull() && "ACTIVE".equals(rs.getString("status"))) {
                card.members()
                        .add(new MemberRow(
                                person,
                                data.name.decrypt(rs.getBytes("name_sealed")),
                                Relation.valueOf(rs.getString("relation")),
                                tags(rs.getArray("tags"))));
            }
        });
        return List.copyOf(byId.values());
    }

    private static Set<PersonTag> tags(Array array) throws SQLException {
        Set<PersonTag> tags = EnumSet.noneOf(PersonTag.class);
        if (array != null) {
            for (Object t : (Object[]) array.getArray()) {
                tags.add(PersonTag.valueOf((String) t));
            }
        }
        return tags;
    }
}
