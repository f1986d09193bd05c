package org.onegrid.staff.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onegrid.staff.OrgKind;
import org.onegrid.staff.OrganisationView;
import org.onegrid.staff.PageView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code organisation} table. Scoped reads filter on {@code region_path}, the way every module does. */
@Repository
public class OrganisationRows {

    private static final String COLUMNS = "id, kind, code, name, region_code, parent_id, dept_code";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    OrganisationRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * A row to insert. The parent is given by what identifies it, and looked up while inserting: a centre's parent is
     * the centre of {@code parentRegionCode}, a department branch's parent is the department {@code parentCode}.
     */
    public record NewOrganisation(
            OrgKind kind,
            String code,
            String name,
            String regionCode,
            String regionPath,
            String parentCode,
            String deptCode) {}

    public Optional<OrganisationView> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = ?")
                .param(id)
                .query(OrganisationRows::map)
                .optional();
    }

    public Optional<OrganisationView> findInScope(long id, String scopePath) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = ? AND region_path LIKE ?")
                .params(id, Sql.startingWith(scopePath))
                .query(OrganisationRows::map)
                .optional();
    }

    public Optional<OrganisationView> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE code = ?")
                .param(code)
                .query(OrganisationRows::map)
                .optional();
    }

    public Optional<String> pathOf(long id) {
        return jdbc.sql("SELECT region_path FROM organisation WHERE id = ?")
                .param(id)
                .query(String.class)
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

    /** The branch of a department at the deepest region on the way from the top down to {@code regionPath}. */
    public Optional<OrganisationView> nearestDepartment(String deptCode, String regionPath) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation"
                        + " WHERE kind = 'DEPARTMENT' AND dept_code = ? AND starts_with(?, region_path)"
                        + " ORDER BY length(region_path) DESC LIMIT 1")
                .params(deptCode, regionPath)
                .query(OrganisationRows::map)
                .optional();
    }

    /** Organisations in a scope, optionally only of one kind and only within a narrower region. */
    public PageView<OrganisationView> page(String scopePath, OrgKind kind, String regionPath, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE region_path LIKE :scope");
        params.put("scope", Sql.startingWith(scopePath));
        if (kind != null) {
            where.append(" AND kind = :kind");
            params.put("kind", kind.name());
        }
        if (regionPath != null) {
            where.append(" AND region_path LIKE :region");
            params.put("region", Sql.startingWith(regionPath));
        }
        long total = jdbc.sql("SELECT count(*) FROM organisation" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<OrganisationView> items = jdbc.sql("SELECT " + COLUMNS + " FROM organisation" + where
                        + " ORDER BY region_path, kind, code LIMIT :limit OFFSET :offset")
                .params(params)
                .query(OrganisationRows::map)
                .list();
        return new PageView<>(items, page, size, total);
    }

    /** Region code to region path of every centre. */
    public Map<String, String> centrePaths() {
        Map<String, String> paths = new HashMap<>();
        jdbc.sql("SELECT region_code, region_path FROM organisation WHERE kind = 'CENTRE'")
                .query((RowCallbackHandler) rs -> paths.put(rs.getString(1), rs.getString(2)));
        return paths;
    }

    /** Code to id of every organisation. */
    public Map<String, Long> idsByCode() {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT code, id FROM organisation")
                .query((RowCallbackHandler) rs -> ids.put(rs.getString(1), rs.getLong(2)));
        return ids;
    }

    public long count(OrgKind kind) {
        return jdbc.sql("SELECT count(*) FROM organisation WHERE kind = ?")
                .param(kind.name())
                .query(Long.class)
                .single();
    }

    /**
     * Inserts in batches, in the given order (parents first); rows whose centre or department branch exists already
     * are skipped.
     */
    public void insert(List<NewOrganisation> rows) {
        template.batchUpdate("""
                INSERT INTO organisation (kind, code, name, region_code, region_path, dept_code, parent_id)
                VALUES (?, ?, ?, ?, ?, ?,
                        CASE WHEN ? = 'CENTRE'
                             THEN (SELECT id FROM organisation WHERE kind = 'CENTRE' AND region_code = ?)
                             ELSE (SELECT id FROM organisation WHERE code = ?) END)
                ON CONFLICT DO NOTHING
                """, rows, 1000, (ps, row) -> {
            ps.setString(1, row.kind().name());
            ps.setString(2, row.code());
            ps.setString(3, row.name());
            ps.setString(4, row.regionCode());
            ps.setString(5, row.regionPath());
            ps.setString(6, row.deptCode());
            ps.setString(7, row.kind().name());
            ps.setString(8, row.parentCode());
            ps.setString(9, row.parentCode());
        });
    }

    /** Copies region paths that changed (a re-import may move a town); returns the number of changed rows. */
    public int updatePaths(Map<String, String> pathByRegion) {
        List<Object[]> args = pathByRegion.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), e.getKey(), e.getValue()})
                .toList();
        int changed = 0;
        for (int c : template.batchUpdate(
                "UPDATE organisation SET region_path = ? WHERE region_code = ? AND region_path <> ?", args)) {
            changed += Math.max(c, 0);
        }
        return changed;
    }

    static OrganisationView map(ResultSet rs, int row) throws SQLException {
        return new OrganisationView(
                rs.getLong("id"),
                OrgKind.valueOf(rs.getString("kind")),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("region_code"),
                rs.getObject("parent_id", Long.class),
                rs.getString("dept_code"));
    }
}
