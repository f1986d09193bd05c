package org.onegrid.catalog.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onegrid.catalog.AttributeDefinition;
import org.onegrid.catalog.CatalogItemDraft;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.catalog.HandlingLevel;
import org.onegrid.catalog.StageLimit;
import org.onegrid.worktime.TimeMode;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The {@code catalog_category} and {@code catalog_item} tables. */
@Repository
public class CatalogRows {

    /** A category as stored. */
    public record CategoryRow(String code, String name, int sort, boolean active) {}

    private static final TypeReference<List<AttributeDefinition>> ATTRIBUTES = new TypeReference<>() {};

    /**
     * An item with its category. {@code active} is what is offered: the item and its category both active. Items
     * sort by category, then code.
     */
    private static final String ITEM = """
            SELECT i.code, i.name, i.category_code, c.name AS category_name, c.sort AS category_sort, i.description, i.department_codes,
                   i.level, i.accept_minutes, i.accept_mode, i.handle_minutes, i.handle_mode, i.verify_minutes,
                   i.verify_mode, i.joint_allowed, i.emergency, i.auto_escalate, i.keywords,
                   i.attributes::text AS attributes, i.published, i.active AND c.active AS offered, i.version
            FROM catalog_item i JOIN catalog_category c ON c.code = i.category_code
            """;

    private static final String BY_POSITION = " ORDER BY c.sort, c.code, i.code";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CatalogRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // categories

    public List<CategoryRow> categories() {
        return jdbc.sql("SELECT code, name, sort, active FROM catalog_category ORDER BY sort, code")
                .query(CategoryRow.class)
                .list();
    }

    public Optional<CategoryRow> category(String code) {
        return jdbc.sql("SELECT code, name, sort, active FROM catalog_category WHERE code = ?")
                .param(code)
                .query(CategoryRow.class)
                .optional();
    }

    public long countCategories() {
        return jdbc.sql("SELECT count(*) FROM catalog_category")
                .query(Long.class)
                .single();
    }

    /** The position after every existing category. */
    public int nextSort() {
        return jdbc.sql("SELECT coalesce(max(sort), 0) + 10 FROM catalog_category")
                .query(Integer.class)
                .single();
    }

    /** @return false when the code is taken */
    public boolean insertCategory(CategoryRow row) {
        return jdbc.sql("""
                        INSERT INTO catalog_category (code, name, sort, active) VALUES (?, ?, ?, ?)
                        ON CONFLICT (code) DO NOTHING
                        """)
                        .params(row.code(), row.name(), row.sort(), row.active())
                        .update()
                == 1;
    }

    public void updateCategory(CategoryRow row) {
        jdbc.sql("UPDATE catalog_category SET name = ?, sort = ?, active = ?, updated_at = now() WHERE code = ?")
                .params(row.name(), row.sort(), row.active(), row.code())
                .update();
    }

    // items

    public Optional<CatalogItemView> item(String code) {
        return jdbc.sql(ITEM + " WHERE i.code = ?")
                .param(code)
                .query(this::mapItem)
                .optional();
    }

    /** Items in catalog order, of one category or all (null), offered ones only or all. */
    public List<CatalogItemView> items(String categoryCode, boolean includeInactive) {
        return jdbc.sql(ITEM + " WHERE (CAST(:category AS text) IS NULL OR i.category_code = :category)"
                        + " AND (:all OR (i.active AND c.active))" + BY_POSITION)
                .param("category", categoryCode)
                .param("all", includeInactive)
                .query(this::mapItem)
                .list();
    }

    /**
     * Offered items whose name or a keyword matches {@code text} (either containing the other), best first: the
     * name equal to the text, starting with it, containing it; then a keyword equal to it; then a keyword containing
     * it or contained in it. Case-insensitive; no LIKE wildcards, so {@code %} in the text is just a character.
     */
    public List<CatalogItemView> search(String text, int limit) {
        return jdbc.sql("""
                        SELECT * FROM (
                            SELECT m.*, CASE
                                       WHEN lower(m.name) = q THEN 0
                                       WHEN strpos(lower(m.name), q) = 1 THEN 1
                                       WHEN strpos(lower(m.name), q) > 0 THEN 2
                                       WHEN EXISTS (SELECT 1 FROM unnest(m.keywords) k WHERE lower(k) = q) THEN 3
                                       WHEN EXISTS (SELECT 1 FROM unnest(m.keywords) k
                                                    WHERE strpos(lower(k), q) > 0 OR strpos(q, lower(k)) > 0) THEN 4
                                   END AS rank
                            FROM (""" + ITEM + """
                                  WHERE i.active AND c.active) m
                            CROSS JOIN (SELECT lower(:text) AS q) p
                        ) ranked
                        WHERE rank IS NOT NULL
                        ORDER BY rank, category_sort, code
                        LIMIT :limit
                        """)
                .param("text", text)
                .param("limit", limit)
                .query(this::mapItem)
                .list();
    }

    /**
     * The offered item that free text (a hotline work order, an Open311 description) most likely means: the one
     * whose keywords found in the text are longest in total, its name found in the text counting double. Ties go to
     * emergency types, then to the catalog order.
     */
    public Optional<CatalogItemView> suggest(String text) {
        return jdbc.sql("""
                        SELECT * FROM (
                            SELECT m.*,
                                   (SELECT coalesce(sum(char_length(k)), 0) FROM unnest(m.keywords) k
                                    WHERE strpos(t, lower(k)) > 0)
                                   + CASE WHEN strpos(t, lower(m.name)) > 0 THEN 2 * char_length(m.name) ELSE 0 END
                                   AS score
                            FROM (""" + ITEM + """
                                  WHERE i.active AND c.active) m
                            CROSS JOIN (SELECT lower(:text) AS t) p
                        ) scored
                        WHERE score > 0
                        ORDER BY score DESC, emergency DESC, category_sort, code
                        LIMIT 1
                        """)
                .param("text", text)
                .query(this::mapItem)
                .optional();
    }

    public long countItems() {
        return jdbc.sql("SELECT count(*) FROM catalog_item").query(Long.class).single();
    }

    /** @return false when the code is taken */
    public boolean insertItem(String code, CatalogItemDraft draft) {
        return jdbc.sql("""
                        INSERT INTO catalog_item (code, category_code, name, description, department_codes, level,
                            accept_minutes, accept_mode, handle_minutes, handle_mode, verify_minutes, verify_mode,
                            joint_allowed, emergency, auto_escalate, keywords, attributes, published)
                        VALUES (:code, :category, :name, :description, :departments, :level,
                            :acceptMinutes, :acceptMode, :handleMinutes, :handleMode, :verifyMinutes, :verifyMode,
                            :joint, :emergency, :escalate, :keywords, CAST(:attributes AS jsonb),
                            coalesce(:published, (SELECT name NOT IN ('矛盾纠纷', '社会治安', '公共卫生') FROM catalog_category
                                                   WHERE code = :category), true))
                        ON CONFLICT (code) DO NOTHING
                        """).param("code", code).params(params(draft)).update() == 1;
    }

    /**
     * Replaces an item's terms if it is still at {@code version}, raising the version by one.
     *
     * @param active the new active flag, or null to keep it
     * @return the new version, or empty when the item does not exist or is at another version
     */
    public Optional<Integer> updateItem(String code, int version, CatalogItemDraft draft, Boolean active) {
        return jdbc.sql("""
                        UPDATE catalog_item SET category_code = :category, name = :name, description = :description,
                            department_codes = :departments, level = :level,
                            accept_minutes = :acceptMinutes, accept_mode = :acceptMode,
                            handle_minutes = :handleMinutes, handle_mode = :handleMode,
                            verify_minutes = :verifyMinutes, verify_mode = :verifyMode,
                            joint_allowed = :joint, emergency = :emergency, auto_escalate = :escalate,
                            keywords = :keywords, attributes = CAST(:attributes AS jsonb),
                            published = coalesce(:published, published), active = coalesce(:active, active), version = version + 1, updated_at = now()
                        WHERE code = :code AND version = :version
                        RETURNING version
                        """)
                .params(params(draft))
                .param("code", code)
                .param("version", version)
                .param("active", active, Types.BOOLEAN)
                .query(Integer.class)
                .optional();
    }

    /**
     * Sets an item's active flag, raising its version if that changes it.
     *
     * @return the item's version afterwards, or empty when it does not exist
     */
    public Optional<Integer> setActive(String code, boolean active) {
        return jdbc.sql("""
                        WITH changed AS (
                            UPDATE catalog_item SET active = :active, version = version + 1, updated_at = now()
                            WHERE code = :code AND active <> :active
                            RETURNING version)
                        SELECT version FROM changed
                        UNION ALL
                        SELECT version FROM catalog_item WHERE code = :code AND NOT EXISTS (SELECT 1 FROM changed)
                        """)
                .param("code", code)
                .param("active", active)
                .query(Integer.class)
                .optional();
    }

    private Map<String, Object> params(CatalogItemDraft draft) {
        Map<String, Object> params = new HashMap<>();
        params.put("category", draft.categoryCode());
        params.put("name", draft.name().strip());
        params.put(
                "description",
                draft.description() == null ? "" : draft.description().strip());
        params.put(
                "departments", new SqlArrayValue("text", draft.departmentCodes().toArray()));
        params.put("level", draft.level().name());
        params.put("acceptMinutes", (int) draft.accept().minutes());
        params.put("acceptMode", draft.accept().mode().name());
        params.put("handleMinutes", (int) draft.handle().minutes());
        params.put("handleMode", draft.handle().mode().name());
        params.put("verifyMinutes", (int) draft.verify().minutes());
        params.put("verifyMode", draft.verify().mode().name());
        params.put("joint", draft.jointAllowed());
        params.put("emergency", draft.emergency());
        params.put("escalate", draft.autoEscalate());
        params.put("published", new SqlParameterValue(Types.BOOLEAN, draft.published()));
        List<String> keywords = draft.keywords() == null
                ? List.of()
                : draft.keywords().stream().map(String::strip).toList();
        params.put("keywords", new SqlArrayValue("text", keywords.toArray()));
        params.put("attributes", json.writeValueAsString(draft.attributes() == null ? List.of() : draft.attributes()));
        return params;
    }

    private CatalogItemView mapItem(ResultSet rs, int row) throws SQLException {
        return new CatalogItemView(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("category_code"),
                rs.getString("category_name"),
                rs.getString("description"),
                strings(rs.getArray("department_codes")),
                HandlingLevel.valueOf(rs.getString("level")),
                limit(rs, "accept"),
                limit(rs, "handle"),
                limit(rs, "verify"),
                rs.getBoolean("joint_allowed"),
                rs.getBoolean("emergency"),
                rs.getBoolean("auto_escalate"),
                strings(rs.getArray("keywords")),
                json.readValue(rs.getString("attributes"), ATTRIBUTES),
                rs.getBoolean("published"),
                rs.getBoolean("offered"),
                rs.getInt("version"));
    }

    private static StageLimit limit(ResultSet rs, String stage) throws SQLException {
        return StageLimit.minutes(rs.getInt(stage + "_minutes"), TimeMode.valueOf(rs.getString(stage + "_mode")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
