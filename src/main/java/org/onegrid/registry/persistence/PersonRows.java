package org.onegrid.registry.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onegrid.registry.domain.PersonStatus;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Residence;
import org.onegrid.registry.domain.Sex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Persons, their tags and the access log of unmasked reads, in plain SQL; personal data sealed on the way in. */
@Repository
public class PersonRows {

    private static final String SELECT = """
            SELECT p.id, p.name_sealed, p.id_number_sealed, p.phone_sealed, p.address_sealed, p.birth_date, p.sex,
                   p.residence, p.address_id, p.grid_code, p.region_path, p.status, p.version,
                   (SELECT m.household_id FROM registry_household_member m WHERE m.person_id = p.id) AS household_id,
                   ARRAY(SELECT t.tag FROM registry_person_tag t WHERE t.person_id = p.id ORDER BY t.tag) AS tags
            FROM registry_person p
            """;

    private final JdbcClient jdbc;
    private final PersonalData data;

    PersonRows(JdbcClient jdbc, PersonalData data) {
        this.jdbc = jdbc;
        this.data = data;
    }

    /** The person's id; the ID number and phone come normalised. */
    public long insert(
            String name,
            String idNumber,
            String phone,
            String address,
            LocalDate birthDate,
            Sex sex,
            Residence residence,
            long addressId,
            String gridCode,
            String regionPath,
            Set<PersonTag> tags) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO registry_person (name_sealed, id_number_sealed, id_number_index, phone_sealed,
                            phone_index, address_sealed, birth_date, sex, residence, address_id, grid_code, region_path)
                        VALUES (:name, :idNumber, :idIndex, :phone, :phoneIndex, :address, :birthDate, :sex, :residence,
                            :addressId, :gridCode, :regionPath)
                        """)
                .param("name", data.name.encrypt(name))
                .param("idNumber", data.idNumber.encrypt(idNumber))
                .param("idIndex", data.idNumberIndex(idNumber))
                .param("phone", data.phone.encrypt(phone))
                .param("phoneIndex", data.phoneIndex(phone))
                .param("address", data.address.encrypt(address))
                .param("birthDate", birthDate)
                .param("sex", sex.name())
                .param("residence", residence.name())
                .param("addressId", addressId)
                .param("gridCode", gridCode)
                .param("regionPath", regionPath)
                .update(key, "id");
        long id = key.getKey().longValue();
        replaceTags(id, tags);
        return id;
    }

    /** Changes what may change of a person; false when the version is stale. */
    public boolean update(
            long id,
            int version,
            String name,
            String phone,
            String address,
            Residence residence,
            long addressId,
            String gridCode,
            String regionPath,
            Set<PersonTag> tags) {
        int updated = jdbc.sql("""
                        UPDATE registry_person SET name_sealed = :name, phone_sealed = :phone, phone_index = :phoneIndex,
                            address_sealed = :address, residence = :residence, address_id = :addressId,
                            grid_code = :gridCode, region_path = :regionPath, version = version + 1
                        WHERE id = :id AND version = :version
                        """)
                .param("name", data.name.encrypt(name))
                .param("phone", data.phone.encrypt(phone))
                .param("phoneIndex", data.phoneIndex(phone))
                .param("address", data.address.encrypt(address))
                .param("residence", residence.name())
                .param("addressId", addressId)
                .param("gridCode", gridCode)
                .param("regionPath", regionPath)
                .param("id", id)
                .param("version", version)
                .update();
        if (updated == 1) {
            replaceTags(id, tags);
        }
        return updated == 1;
    }

    public void setStatus(long id, PersonStatus status) {
        jdbc.sql("UPDATE registry_person SET status = :status, version = version + 1 WHERE id = :id")
                .param("status", status.name())
                .param("id", id)
                .update();
    }

    public boolean idNumberTaken(String normalisedIdNumber) {
        return jdbc.sql("SELECT count(*) FROM registry_person WHERE id_number_index = :index")
                        .param("index", data.idNumberIndex(normalisedIdNumber))
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<StoredPerson> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public Optional<StoredPerson> findByIdNumber(String normalisedIdNumber) {
        return jdbc.sql(SELECT + " WHERE p.id_number_index = :index")
                .param("index", data.idNumberIndex(normalisedIdNumber))
                .query(this::map)
                .optional();
    }

    public List<StoredPerson> findByPhone(String normalisedPhone) {
        return jdbc.sql(SELECT + " WHERE p.phone_index = :index ORDER BY p.id")
                .param("index", data.phoneIndex(normalisedPhone))
                .query(this::map)
                .list();
    }

    /** Writes one unmasked read to the access log. */
    public void logAccess(long userId, String username, long personId, String fields, String purpose, String path) {
        jdbc.sql("""
                        INSERT INTO registry_access_log (user_id, username, person_id, fields, purpose, region_path)
                        VALUES (:userId, :username, :personId, :fields, :purpose, :path)
                        """)
                .param("userId", userId)
                .param("username", username)
                .param("personId", personId)
                .param("fields", fields)
                .param("purpose", purpose)
                .param("path", path)
                .update();
    }

    /** The access log within a region path, newest first. */
    public List<AccessLogRow> accessLog(String scopePath, int limit) {
        return jdbc.sql("""
                        SELECT id, at, user_id, username, person_id, fields, purpose FROM registry_access_log
                        WHERE region_path LIKE :scope || '%' ORDER BY at DESC, id DESC LIMIT :limit
                        """)
                .param("scope", scopePath)
                .param("limit", limit)
                .query((rs, n) -> new AccessLogRow(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getLong("user_id"),
                        rs.getString("username"),
                        rs.getLong("person_id"),
                        List.of(rs.getString("fields").split(",")),
                        rs.getString("purpose")))
                .list();
    }

    /** One row of the access log. */
    public record AccessLogRow(
            long id, Instant at, long userId, String username, long personId, List<String> fields, String purpose) {}

    private void replaceTags(long id, Set<PersonTag> tags) {
        jdbc.sql("DELETE FROM registry_person_tag WHERE person_id = :id")
                .param("id", id)
                .update();
        for (PersonTag tag : tags == null ? Set.<PersonTag>of() : tags) {
            jdbc.sql("INSERT INTO registry_person_tag (person_id, tag) VALUES (:id, :tag)")
                    .param("id", id)
                    .param("tag", tag.name())
                    .update();
        }
    }

    private StoredPerson map(ResultSet rs, int n) throws SQLException {
        Set<PersonTag> tags = EnumSet.noneOf(PersonTag.class);
        for (String t : (String[]) rs.getArray("tags").getArray()) {
            tags.add(PersonTag.valueOf(t));
        }
        Long household = rs.getObject("household_id", Long.class);
        return new StoredPerson(
                rs.getLong("id"),
                data.name.decrypt(rs.getBytes("name_sealed")),
                data.idNumber.decrypt(rs.getBytes("id_number_sealed")),
                data.phone.decrypt(rs.getBytes("phone_sealed")),
                data.address.decrypt(rs.getBytes("address_sealed")),
                rs.getObject("birth_date", LocalDate.class),
                Sex.valueOf(rs.getString("sex")),
                Residence.valueOf(rs.getString("residence")),
                rs.getLong("address_id"),
                rs.getString("grid_code"),
                rs.getString("region_path"),
                PersonStatus.valueOf(rs.getString("status")),
                rs.getInt("version"),
                tags,
                household);
    }
}
