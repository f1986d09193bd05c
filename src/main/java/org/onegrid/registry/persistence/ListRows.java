package org.onegrid.registry.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onegrid.registry.domain.BuildingUse;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.registry.domain.PersonStatus;
import org.onegrid.registry.domain.PersonTag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry's lists and counts as plain SQL: ids of a page (the facade reads and masks each entry), totals, the
 * counts per tag, addresses, buildings and the access log by its filters. Every query is bounded by a {@link Where}
 * that carries the caller's scope, so nothing outside it is counted or listed.
 */
@Repository
public class ListRows {

    private final JdbcClient jdbc;

    ListRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which rows: within the region path, in one of the grids (null: any), in the grid (null: any).
     *
     * @param grids the grids a grid worker is bound to; null for everyone else
     */
    public record Where(String pathPrefix, List<String> grids, String grid) {

        String sql(String alias, Map<String, Object> params) {
            StringBuilder s = new StringBuilder(alias + ".region_path LIKE :path || '%'");
            params.put("path", pathPrefix == null ? "" : pathPrefix);
            if (grids != null) {
                s.append(" AND ").append(alias).append(".grid_code = ANY(:grids)");
                params.put("grids", grids.toArray(String[]::new));
            }
            if (grid != null) {
                s.append(" AND ").append(alias).append(".grid_code = :grid");
                params.put("grid", grid);
            }
            return s.toString();
        }
    }

    /** A page of ids and the total. */
    public record Ids(List<Long> ids, long total) {}

    public Ids persons(Where where, PersonTag tag, PersonStatus status, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder w = new StringBuilder(where.sql("p", params));
        if (tag != null) {
            w.append(" AND EXISTS (SELECT 1 FROM registry_person_tag t WHERE t.person_id = p.id AND t.tag = :tag)");
            params.put("tag", tag.name());
        }
        if (status != null) {
            w.append(" AND p.status = :status");
            params.put("status", status.name());
        }
        return page("registry_person p", w.toString(), params, "p.id", page, size);
    }

    /** Every person id in one grid (a few hundred), for a search that must decrypt, e.g. by name. */
    public List<Long> personsOfGrid(String grid) {
        return jdbc.sql("SELECT id FROM registry_person WHERE grid_code = :grid ORDER BY id")
                .param("grid", grid)
                .query(Long.class)
                .list();
    }

    public Ids households(Where where, PersonTag tag, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder w = new StringBuilder(where.sql("h", params));
        if (tag != null) {
            w.append(" AND EXISTS (SELECT 1 FROM registry_household_member m JOIN registry_person_tag t"
                    + " ON t.person_id = m.person_id WHERE m.household_id = h.id AND t.tag = :tag)");
            params.put("tag", tag.name());
        }
        return page("registry_household h", w.toString(), params, "h.id", page, size);
    }

    public Ids organisations(Where where, OrganisationTag tag, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder w = new StringBuilder(where.sql("o", params));
        if (tag != null) {
            w.append(" AND EXISTS (SELECT 1 FROM registry_organisation_tag t"
                    + " WHERE t.organisation_id = o.id AND t.tag = :tag)");
            params.put("tag", tag.name());
        }
        return page("registry_organisation o", w.toString(), params, "o.id", page, size);
    }

    public Optional<Long> organisationByCreditCode(String creditCode) {
        return jdbc.sql("SELECT id FROM registry_organisation WHERE credit_code = :code")
                .param("code", creditCode)
                .query(Long.class)
                .optional();
    }

    /** How many in the area: active persons, households, organisations, and the active persons per tag. */
    public record Counts(
            long persons,
            long households,
            long organisations,
            Map<PersonTag, Long> personTags,
            Map<OrganisationTag, Long> organisationTags) {}

    public Counts counts(Where where) {
        Map<String, Object> params = new LinkedHashMap<>();
        String p = where.sql("p", params);
        long persons = count("SELECT count(*) FROM registry_person p WHERE p.status = 'ACTIVE' AND " + p, params);
        long households = count("SELECT count(*) FROM registry_household h WHERE " + where.sql("h", params), params);
        long organisations =
                count("SELECT count(*) FROM registry_organisation o WHERE " + where.sql("o", params), params);
        Map<PersonTag, Long> personTags = new EnumMap<>(PersonTag.class);
        jdbc.sql("SELECT t.tag, count(*) AS n FROM registry_person_tag t JOIN registry_person p ON p.id = t.person_id"
                        + " WHERE p.status = 'ACTIVE' AND " + p + " GROUP BY t.tag")
                .params(params)
                .query((rs, n) -> personTags.put(PersonTag.valueOf(rs.getString("tag")), rs.getLong("n")))
                .list();
        Map<OrganisationTag, Long> organisationTags = new EnumMap<>(OrganisationTag.class);
        jdbc.sql("SELECT t.tag, count(*) AS n FROM registry_organisation_tag t"
                        + " JOIN registry_organisation o ON o.id = t.organisation_id WHERE "
                        + where.sql("o", params) + " GROUP BY t.tag")
                .params(params)
                .query((rs, n) -> organisationTags.put(OrganisationTag.valueOf(rs.getString("tag")), rs.getLong("n")))
                .list();
        return new Counts(persons, households, organisations, personTags, organisationTags);
    }

    public Ids addresses(Where where, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        return page("registry_address a", where.sql("a", params), params, "a.id", page, size);
    }

    /** A building as stored. */
    public record BuildingRow(
            long id,
            long addressId,
            String name,
            Integer floors,
            BuildingUse use,
            double lng,
            double lat,
            String gridCode,
            String regionPath) {}

    private static final String BUILDING = """
            SELECT id, address_id, name, floors, usage, lng, lat, grid_code, region_path FROM registry_building b
            """;

    public Optional<BuildingRow> building(long id) {
        return jdbc.sql(BUILDING + " WHERE b.id = :id")
                .param("id", id)
                .query((rs, n) -> building(rs))
                .optional();
    }

    public List<BuildingRow> buildings(Where where, Long addressId, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder w = new StringBuilder(where.sql("b", params));
        if (addressId != null) {
            w.append(" AND b.address_id = :address");
            params.put("address", addressId);
        }
        params.put("limit", limit);
        return jdbc.sql(BUILDING + " WHERE " + w + " ORDER BY b.id LIMIT :limit")
                .params(params)
                .query((rs, n) -> building(rs))
                .list();
    }

    private static BuildingRow building(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new BuildingRow(
                rs.getLong("id"),
                rs.getLong("address_id"),
                rs.getString("name"),
                rs.getObject("floors", Integer.class),
                BuildingUse.valueOf(rs.getString("usage")),
                rs.getDouble("lng"),
                rs.getDouble("lat"),
                rs.getString("grid_code"),
                rs.getString("region_path"));
    }

    /** One row of the access log. */
    public record LogRow(
            long id, Instant at, long userId, String username, long personId, List<String> fields, String purpose) {}

    /** The access log within the path, newest first, by person, staff member (username) and time. */
    public List<LogRow> accessLog(
            String pathPrefix, Long personId, String username, Instant from, Instant to, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String w = accessLogWhere(pathPrefix, personId, username, from, to, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql("SELECT id, at, user_id, username, person_id, fields, purpose FROM registry_access_log l WHERE "
                        + w + " ORDER BY l.at DESC, l.id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new LogRow(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getLong("user_id"),
                        rs.getString("username"),
                        rs.getLong("person_id"),
                        List.of(rs.getString("fields").split(",")),
                        rs.getString("purpose")))
                .list();
    }

    public long accessLogTotal(String pathPrefix, Long personId, String username, Instant from, Instant to) {
        Map<String, Object> params = new LinkedHashMap<>();
        return count(
                "SELECT count(*) FROM registry_access_log l WHERE "
                        + accessLogWhere(pathPrefix, personId, username, from, to, params),
                params);
    }

    private static String accessLogWhere(
            String pathPrefix, Long personId, String username, Instant from, Instant to, Map<String, Object> params) {
        List<String> w = new ArrayList<>();
        w.add("l.region_path LIKE :path || '%'");
        params.put("path", pathPrefix == null ? "" : pathPrefix);
        if (personId != null) {
            w.add("l.person_id = :person");
            params.put("person", personId);
        }
        if (username != null) {
            w.add("l.username = :username");
            params.put("username", username);
        }
        if (from != null) {
            w.add("l.at >= :from");
            params.put("from", Timestamp.from(from));
        }
        if (to != null) {
            w.add("l.at < :to");
            params.put("to", Timestamp.from(to));
        }
        return String.join(" AND ", w);
    }

    private Ids page(String table, String where, Map<String, Object> params, String order, int page, int size) {
        long total = count("SELECT count(*) FROM " + table + " WHERE " + where, params);
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("limit", size);
        all.put("offset", (long) page * size);
        List<Long> ids = jdbc.sql("SELECT " + order + " FROM " + table + " WHERE " + where + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset")
                .params(all)
                .query(Long.class)
                .list();
        return new Ids(ids, total);
    }

    private long count(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
