package org.onegrid.registry.persistence;

import java.util.List;
import java.util.Optional;
import org.onegrid.registry.domain.Member;
import org.onegrid.registry.domain.Relation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Households and their members, in plain SQL. */
@Repository
public class HouseholdRows {

    private final JdbcClient jdbc;

    HouseholdRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A household as stored, with its members in the order of their ids. */
    public record HouseholdRow(
            long id, long addressId, String gridCode, String regionPath, int version, List<Member> members) {}

    public long insert(long addressId, String gridCode, String regionPath, List<Member> members) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO registry_household (address_id, grid_code, region_path)
                        VALUES (:addressId, :grid, :path)
                        """)
                .param("addressId", addressId)
                .param("grid", gridCode)
                .param("path", regionPath)
                .update(key, "id");
        long id = key.getKey().longValue();
        insertMembers(id, members);
        return id;
    }

    /** Replaces the members; false when the version is stale. */
    public boolean replaceMembers(long id, int version, List<Member> members) {
        int updated = jdbc.sql(
                        "UPDATE registry_household SET version = version + 1 WHERE id = :id AND version = :version")
                .param("id", id)
                .param("version", version)
                .update();
        if (updated != 1) {
            return false;
        }
        jdbc.sql("DELETE FROM registry_household_member WHERE household_id = :id")
                .param("id", id)
                .update();
        insertMembers(id, members);
        return true;
    }

    /** Takes a person out of their household (迁出, 死亡, 注销), keeping the household. */
    public void removeMember(long personId) {
        jdbc.sql("DELETE FROM registry_household_member WHERE person_id = :personId")
                .param("personId", personId)
                .update();
    }

    public Optional<Long> householdOf(long personId) {
        return jdbc.sql("SELECT household_id FROM registry_household_member WHERE person_id = :personId")
                .param("personId", personId)
                .query(Long.class)
                .optional();
    }

    public Optional<HouseholdRow> find(long id) {
        List<Member> members = jdbc.sql("""
                        SELECT person_id, relation FROM registry_household_member
                        WHERE household_id = :id ORDER BY person_id
                        """)
                .param("id", id)
                .query((rs, n) -> new Member(rs.getLong("person_id"), Relation.valueOf(rs.getString("relation"))))
                .list();
        return jdbc.sql("SELECT id, address_id, grid_code, region_path, version FROM registry_household WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new HouseholdRow(
                        rs.getLong("id"),
                        rs.getLong("address_id"),
                        rs.getString("grid_code"),
                        rs.getString("region_path"),
                        rs.getInt("version"),
                        members))
                .optional();
    }

    private void insertMembers(long householdId, List<Member> members) {
        for (Member m : members) {
            jdbc.sql("""
                            INSERT INTO registry_household_member (household_id, person_id, relation)
                            VALUES (:household, :person, :relation)
                            """)
                    .param("household", householdId)
                    .param("person", m.personId())
                    .param("relation", m.relation().name())
                    .update();
        }
    }
}
