package org.onegrid.patrol.persistence;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns 摸排行动 and their per-grid progress, in plain SQL. */
@Repository
public class CampaignRows {

    private final JdbcClient jdbc;

    CampaignRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CampaignRow(
            long id,
            String name,
            String regionCode,
            String regionPath,
            LocalDate startsOn,
            LocalDate endsOn,
            int targetShare,
            List<String> questions) {}

    private static final String SELECT = """
            SELECT id, name, region_code, region_path, starts_on, ends_on, target_share, questions FROM patrol_campaign
            """;

    /** Orders a campaign; each grid of the subtree gets its target from its registered households. */
    public long insert(
            String name,
            String regionCode,
            String regionPath,
            LocalDate startsOn,
            LocalDate endsOn,
            int targetShare,
            List<String> questions,
            long by) {
        long id = jdbc.sql("""
                        INSERT INTO patrol_campaign (name, region_code, region_path, starts_on, ends_on, target_share,
                                                     questions, ordered_by)
                        VALUES (:name, :code, :path, :starts, :ends, :share, :questions, :by) RETURNING id
                        """)
                .param("name", name)
                .param("code", regionCode)
                .param("path", regionPath)
                .param("starts", startsOn)
                .param("ends", endsOn)
                .param("share", targetShare)
                .param("questions", questions.toArray(String[]::new))
                .param("by", by)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO patrol_campaign_grid (campaign_id, grid_code, region_path, target)
                        SELECT :id, grid_code, region_path, ceil(households * :share / 100.0)::int
                          FROM patrol_grid_registered WHERE region_path LIKE :path || '%'
                        """)
                .param("id", id)
                .param("share", targetShare)
                .param("path", regionPath)
                .update();
        return id;
    }

    public Optional<CampaignRow> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(CampaignRows::row)
                .optional();
    }

    /** The campaigns touching a region subtree (ordered above or within it), newest first. */
    public List<CampaignRow> touching(String scopePath) {
        return jdbc.sql(SELECT + """
                         WHERE region_path LIKE :scope || '%' OR :scope LIKE region_path || '%'
                         ORDER BY starts_on DESC, id DESC LIMIT 100
                        """)
                .param("scope", scopePath)
                .query(CampaignRows::row)
                .list();
    }

    /** The campaigns running on a day that cover a region path. */
    public List<CampaignRow> running(String regionPath, LocalDate day) {
        return jdbc.sql(SELECT + """
                         WHERE :day BETWEEN starts_on AND ends_on AND :path LIKE region_path || '%'
                        """)
                .param("day", day)
                .param("path", regionPath)
                .query(CampaignRows::row)
                .list();
    }

    /** Counts a household's first visit in the campaign towards its grid; false when it counted before. */
    public boolean count(long campaign, long householdId, UUID visit, String gridCode, String regionPath, int persons) {
        int inserted = jdbc.sql("""
                        INSERT INTO patrol_campaign_household (campaign_id, household_id, visit_id)
                        VALUES (:campaign, :household, :visit) ON CONFLICT DO NOTHING
                        """)
                .param("campaign", campaign)
                .param("household", householdId)
                .param("visit", visit)
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO patrol_campaign_grid (campaign_id, grid_code, region_path, target, households, persons)
                        VALUES (:campaign, :grid, :path, 0, 1, :persons)
                        ON CONFLICT (campaign_id, grid_code) DO UPDATE
                           SET households = patrol_campaign_grid.households + 1,
                               persons = patrol_campaign_grid.persons + EXCLUDED.persons
                        """)
                .param("campaign", campaign)
                .param("grid", gridCode)
                .param("path", regionPath)
                .param("persons", persons)
                .update();
        return true;
    }

    public void answer(long campaign, UUID visit, List<String> answers) {
        jdbc.sql("""
                        INSERT INTO patrol_campaign_answer (campaign_id, visit_id, answers) VALUES (:c, :v, :a)
                        ON CONFLICT (campaign_id, visit_id) DO UPDATE SET answers = EXCLUDED.answers, answered_at = now()
                        """)
                .param("c", campaign)
                .param("v", visit)
                .param("a", answers.toArray(String[]::new))
                .update();
    }

    /** One part of the roll-up: a child region or a grid. */
    public record ProgressRow(String key, long target, long households, long persons) {}

    /** Progress within a subtree of the campaign, grouped by path segment {@code depth}, or by grid when 0. */
    public List<ProgressRow> progress(long campaign, String regionPath, int depth) {
        String key = depth == 0 ? "grid_code" : "split_part(region_path, '/', " + depth + ")";
        return jdbc.sql("SELECT " + key + """
                         AS key, sum(target) AS target, sum(households) AS households, sum(persons) AS persons
                          FROM patrol_campaign_grid
                         WHERE campaign_id = :campaign AND region_path LIKE :path || '%'
                         GROUP BY 1
                        """)
                .param("campaign", campaign)
                .param("path", regionPath)
                .query(ProgressRow.class)
                .list();
    }

    /** The grids of a subtree furthest behind their target (落后网格), the least done share first. */
    public List<ProgressRow> laggards(long campaign, String regionPath, int limit) {
        return jdbc.sql("""
                        SELECT grid_code AS key, target, households, persons FROM patrol_campaign_grid
                         WHERE campaign_id = :campaign AND region_path LIKE :path || '%' AND households < target
                         ORDER BY households::float / greatest(target, 1), target DESC, grid_code
                         LIMIT :limit
                        """)
                .param("campaign", campaign)
                .param("path", regionPath)
                .param("limit", limit)
                .query(ProgressRow.class)
                .list();
    }

    private static CampaignRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CampaignRow(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("region_code"),
                rs.getString("region_path"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                rs.getInt("target_share"),
                Arrays.asList((String[]) rs.getArray("questions").getArray()));
    }
}
