package org.onegrid.staff.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onegrid.staff.OrgKind;
import org.onegrid.staff.OrganisationView;
import org.onegrid.staff.PageView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code organisation} table. */
@Repository
public class OrganisationRows {

    private static final String COLUMNS = "id, kind, code, name, region_code, parent_id, dept_code";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    OrganisationRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A row to insert; {@code id} comes from {@link #nextIds(int)}. */
    public record NewOrganisation(
            long id, OrgKind kind, String code, String name, String regionCode, Long parentId, String deptCode) {}

    public Optional<OrganisationView> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = ?")
                .param(id)
                .query(OrganisationRows::map)
                .optional();
    }

    public Optional<OrganisationView> centreOf(String regionCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE kind = 'CENTRE' AND region_code = ?")
                .param(regionCode)
                .query(OrganisationRows::map)
                .optional();
    }

    public List<OrganisationView> departmentsOf(String regionCode) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM organisation WHERE kind = 'DEPARTMENT' AND region_code = ? ORDER BY code")
                .param(regionCode)
                .query(OrganisationRows::map)
                .list();
    }

    /** The branch of a department closest above (or at) a region: the one whose region is its longest prefix. */
    public Optional<OrganisationView> nearestDepartment(String deptCode, String regionCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation"
                        + " WHERE kind = 'DEPARTMENT' AND dept_code = ? AND starts_with(?, region_code)"
                        + " ORDER BY length(region_code) DESC LIMIT 1")
                .param(deptCode)
                .param(regionCode)
                .query(OrganisationRows::map)
                .optional();
    }

    /**
     * Organisations in the scope's subtree, optionally only of one kind and only within a narrower region.
     */
    public PageView<OrganisationView> page(String scope, OrgKind kind, String region, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE region_code LIKE :scope");
        params.put("scope", Sql.startingWith(scope));
        if (kind != null) {
            where.append(" AND kind = :kind");
            params.put("kind", kind.name());
        }
        if (region != null) {
            where.append(" AND region_code LIKE :region");
            params.put("region", Sql.startingWith(region));
        }
        long total = jdbc.sql("SELECT count(*) FROM organisation" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<OrganisationView> items = jdbc.sql("SELECT " + COLUMNS + " FROM organisation" + where
                        + " ORDER BY region_code, kind, code LIMIT :limit OFFSET :offset")
                .params(params)
                .query(OrganisationRows::map)
                .list();
        return new PageView<>(items, page, size, total);
    }

    public Set<String> centreRegionCodes() {
        return new HashSet<>(jdbc.sql("SELECT region_code FROM organisation WHERE kind = 'CENTRE'")
                .query(String.class)
                .list());
    }

    public long count(OrgKind kind) {
        return jdbc.sql("SELECT count(*) FROM organisation WHERE kind = ?")
                .param(kind.name())
                .query(Long.class)
                .single();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single();
    }

    public List<Long> nextIds(int n) {
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('organisation', 'id')) FROM generate_series(1, ?)")
                .param(n)
                .query(Long.class)
                .list();
    }

    /** Inserts in batches; rows whose centre or department branch already exists are skipped. */
    public int insert(List<NewOrganisation> rows) {
        int[][] counts = template.batchUpdate(
                "INSERT INTO organisation (id, kind, code, name, region_code, parent_id, dept_code)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                rows,
                1000,
                (ps, row) -> {
                    ps.setLong(1, row.id());
                    ps.setString(2, row.kind().name());
                    ps.setString(3, row.code());
                    ps.setString(4, row.name());
                    ps.setString(5, row.regionCode());
                    ps.setObject(6, row.parentId());
                    ps.setString(7, row.deptCode());
                });
        int inserted = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                inserted += Math.max(c, 0);
            }
        }
        return inserted;
    }

    static OrganisationView map(ResultSet rs, int row) throws SQLException {
        return new OrganisationView(
                rs.getLong("id"),
                OrgKind.valueOf(rs.getString("kind")),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("region_code"),
                (Long) rs.getObject("parent_id", Long.class),
                rs.getString("dept_code"));
    }
}
