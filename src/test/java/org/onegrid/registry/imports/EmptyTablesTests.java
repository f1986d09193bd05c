package org.onegrid.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A city's first import fills empty tables before their indexes and foreign keys are built: on tables of their own
 * (the registry's are never empty while the demo city is loaded), with the same kinds of constraint as the registry's.
 */
@IntegrationTest
class EmptyTablesTests {

    static final List<String> TABLES = List.of("empty_tables_parent", "empty_tables_child");

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void tablesLikeTheRegistrys() {
        dropTables();
        jdbc.sql("""
                CREATE TABLE empty_tables_parent (id BIGINT PRIMARY KEY, code TEXT NOT NULL UNIQUE, grid TEXT NOT NULL);
                CREATE INDEX empty_tables_parent_grid ON empty_tables_parent (grid text_pattern_ops, id);
                CREATE TABLE empty_tables_child (
                    id        BIGINT PRIMARY KEY,
                    parent_id BIGINT NOT NULL REFERENCES empty_tables_parent (id),
                    person    BIGINT NOT NULL UNIQUE,
                    role      TEXT NOT NULL CHECK (role IN ('HEAD', 'OTHER'))
                );
                CREATE UNIQUE INDEX empty_tables_child_one_head ON empty_tables_child (parent_id) WHERE role = 'HEAD';
                """).update();
    }

    @AfterEach
    void dropTables() {
        jdbc.sql("DROP TABLE IF EXISTS empty_tables_child, empty_tables_parent").update();
    }

    @Test
    void rowsCopiedIntoEmptyTablesGetEveryIndexAndConstraintBackBeforeTheCommit() throws SQLException {
        String before = definitions();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            EmptyTables emptied = EmptyTables.takeOff(c, TABLES).orElseThrow();
            assertThat(indexNames(c)).containsExactlyInAnyOrder("empty_tables_parent_pkey", "empty_tables_child_pkey");
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO empty_tables_parent VALUES (1, 'a', 'g1'), (2, 'b', 'g1')");
                s.execute("INSERT INTO empty_tables_child VALUES (1, 1, 100, 'HEAD'), (2, 1, 101, 'OTHER')");
            }
            emptied.putBack();
            c.commit();
        }
        assertThat(definitions()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM empty_tables_child")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aRowThatBreaksAForeignKeyFailsTheImportAndLeavesTheTablesAsTheyWere() throws SQLException {
        String before = definitions();
        refused("INSERT INTO empty_tables_child VALUES (1, 99, 100, 'HEAD')", "23503");
        assertThat(definitions()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM empty_tables_child")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aDuplicateThatAUniqueIndexForbidsFailsTheImport() throws SQLException {
        refused("INSERT INTO empty_tables_child VALUES (1, 1, 100, 'HEAD'), (2, 1, 101, 'HEAD')", "23505");
        refused("INSERT INTO empty_tables_child VALUES (1, 1, 100, 'HEAD'), (2, 2, 100, 'HEAD')", "23505");
        assertThat(jdbc.sql("SELECT count(*) FROM empty_tables_parent")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void tablesWithRowsKeepTheirIndexes() throws SQLException {
        jdbc.sql("INSERT INTO empty_tables_parent VALUES (1, 'a', 'g1')").update();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThat(EmptyTables.takeOff(c, TABLES)).isEqualTo(Optional.empty());
            assertThat(indexNames(c)).hasSize(6);
            c.rollback();
        }
    }

    @Test
    void theDemoCitysFirstImportLeftTheRegistrysIndexesAndForeignKeysInPlace() {
        assertThat(jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename = 'registry_person'")
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(
                        "registry_person_pkey",
                        "registry_person_id_number_index_key",
                        "registry_person_phone",
                        "registry_person_region",
                        "registry_person_status_grid");
        assertThat(jdbc.sql("""
                        SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                        WHERE contype = 'f' AND conrelid IN ('registry_person'::regclass, 'registry_household'::regclass,
                            'registry_household_member'::regclass, 'registry_person_tag'::regclass)
                        """).query(String.class).list())
                .containsExactlyInAnyOrder(
                        "registry_person FOREIGN KEY (address_id) REFERENCES registry_address(id)",
                        "registry_household FOREIGN KEY (address_id) REFERENCES registry_address(id)",
                        "registry_household_member FOREIGN KEY (household_id) REFERENCES registry_household(id)",
                        "registry_household_member FOREIGN KEY (person_id) REFERENCES registry_person(id)",
                        "registry_person_tag FOREIGN KEY (person_id) REFERENCES registry_person(id)");
    }

    private void refused(String children, String sqlState) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            EmptyTables emptied = EmptyTables.takeOff(c, TABLES).orElseThrow();
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO empty_tables_parent VALUES (1, 'a', 'g1'), (2, 'b', 'g1')");
                s.execute(children);
            }
            assertThatThrownBy(emptied::putBack)
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
            c.rollback();
        }
    }

    /** The tables' indexes and constraints as the catalogue gives them. */
    private String definitions() {
        return String.join("\n", jdbc.sql("""
                        SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                        WHERE i.indrelid IN ('empty_tables_parent'::regclass, 'empty_tables_child'::regclass)
                        UNION ALL
                        SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                        WHERE conrelid IN ('empty_tables_parent'::regclass, 'empty_tables_child'::regclass)
                        ORDER BY 1
                        """).query(String.class).list());
    }

    private static List<String> indexNames(Connection c) throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT indexrelid::regclass::text FROM pg_index"
                        + " WHERE indrelid IN ('empty_tables_parent'::regclass, 'empty_tables_child'::regclass)")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
