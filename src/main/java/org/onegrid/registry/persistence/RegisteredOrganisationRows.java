package org.onegrid.registry.persistence;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.onegrid.registry.domain.OrganisationKind;
import org.onegrid.registry.domain.OrganisationTag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Organisations and their tags, in plain SQL. */
@Repository
public class RegisteredOrganisationRows {

    private final JdbcClient jdbc;

    RegisteredOrganisationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An organisation as stored. */
    public record OrganisationRow(
            long id,
            OrganisationKind kind,
            String name,
            String creditCode,
            String industry,
            long addressId,
            Long responsibleId,
            String gridCode,
            String regionPath,
            Set<OrganisationTag> tags) {}

    public boolean creditCodeTaken(String creditCode) {
        return jdbc.sql("SELECT count(*) FROM registry_organisation WHERE credit_code = :code")
                        .param("code", creditCode)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public long insert(
            OrganisationKind kind,
            String name,
            String creditCode,
            String industry,
            long addressId,
            Long responsibleId,
            String gridCode,
            String regionPath,
            Set<OrganisationTag> tags) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO registry_organisation (kind, name, credit_code, industry, address_id, responsible_id,
                            grid_code, region_path)
                        VALUES (:kind, :name, :code, :industry, :addressId, :responsibleId, :grid, :path)
                        """)
                .param("kind", kind.name())
                .param("name", name)
                .param("code", creditCode)
                .param("industry", industry)
                .param("addressId", addressId)
                .param("responsibleId", responsibleId)
                .param("grid", gridCode)
                .param("path", regionPath)
                .update(key, "id");
        long id = key.getKey().longValue();
        for (OrganisationTag tag : tags == null ? Set.<OrganisationTag>of() : tags) {
            jdbc.sql("INSERT INTO registry_organisation_tag (organisation_id, tag) VALUES (:id, :tag)")
                    .param("id", id)
                    .param("tag", tag.name())
                    .update();
        }
        return id;
    }

    public Optional<OrganisationRow> find(long id) {
        return jdbc.sql("""
                        SELECT o.id, o.kind, o.name, o.credit_code, o.industry, o.address_id, o.responsible_id,
                               o.grid_code, o.region_path,
                               ARRAY(SELECT t.tag FROM registry_organisation_tag t WHERE t.organisation_id = o.id
                                     ORDER BY t.tag) AS tags
                        FROM registry_organisation o WHERE o.id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> {
                    Set<OrganisationTag> tags = EnumSet.noneOf(OrganisationTag.class);
                    for (String t : (String[]) rs.getArray("tags").getArray()) {
                        tags.add(OrganisationTag.valueOf(t));
                    }
                    return new OrganisationRow(
                            rs.getLong("id"),
                            OrganisationKind.valueOf(rs.getString("kind")),
                            rs.getString("name"),
                            rs.getString("credit_code"),
                            rs.getString("industry"),
                            rs.getLong("address_id"),
                            rs.getObject("responsible_id", Long.class),
                            rs.getString("grid_code"),
                            rs.getString("region_path"),
                            tags);
                })
                .optional();
    }

    /** The version an edit must carry; empty for an unknown organisation. */
    public Optional<Integer> version(long id) {
        return jdbc.sql("SELECT version FROM registry_organisation WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .optional();
    }

    /** Changes what may change of an organisation (not its credit code); false when the version is stale. */
    public boolean update(
            long id,
            int version,
            OrganisationKind kind,
            String name,
            String industry,
            long addressId,
            Long responsibleId,
            String gridCode,
            String regionPath,
            Set<OrganisationTag> tags) {
        int updated = jdbc.sql("""
                        UPDATE registry_organisation SET kind = :kind, name = :name, industry = :industry,
                            address_id = :addressId, responsible_id = :responsibleId, grid_code = :grid,
                            region_path = :path, version = version + 1
                        WHERE id = :id AND version = :version
                        """)
                .param("kind", kind.name())
                .param("name", name)
                .param("industry", industry)
                .param("addressId", addressId)
                .param("responsibleId", responsibleId)
                .param("grid", gridCode)
                .param("path", regionPath)
                .param("id", id)
                .param("version", version)
                .update();
        if (updated != 1) {
            return false;
        }
        jdbc.sql("DELETE FROM registry_organisation_tag WHERE organisation_id = :id")
                .param("id", id)
                .update();
        for (OrganisationTag tag : tags == null ? Set.<OrganisationTag>of() : tags) {
            jdbc.sql("INSERT INTO registry_organisation_tag (organisation_id, tag) VALUES (:id, :tag)")
                    .param("id", id)
                    .param("tag", tag.name())
                    .update();
        }
        return true;
    }
}
