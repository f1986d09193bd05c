package org.onegrid.registry.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A city's first import: tables that are empty when the import starts are filled without their secondary indexes and
 * foreign keys, which are put back — each index built in one sorted pass, each foreign key checked by one join — before
 * the import's transaction commits. A row copied into a table with five indexes and two foreign keys costs seven index
 * insertions and two look-ups, each a trigger or a B-tree descent per row; built afterwards they cost a sort.
 *
 * <p>Safe because it all happens in the import's one transaction: the tables are locked against every other reader
 * and writer while they lack their indexes (an import into an empty registry has nobody to serve yet), a refused
 * file rolls the dropped definitions back with the rows, and the definitions put back are the ones read from the
 * catalogue, so every unique constraint and foreign key is checked again over all the rows before anything is
 * committed. Primary keys stay: the ids are allocated ascending, so their index only grows at the right.
 */
final class EmptyTables {

    /** The memory for building the indexes again: a sort of two million keys in memory instead of on disk. */
    private static final String INDEX_MEMORY = "256MB";

    private final Connection connection;
    private final List<String> putBack;

    private EmptyTables(Connection connection, List<String> putBack) {
        this.connection = connection;
        this.putBack = putBack;
    }

    /**
     * Takes the secondary indexes, unique constraints and foreign keys off these tables when all of them are empty, in
     * the connection's current transaction.
     *
     * @return the definitions to put back, or empty when a table holds rows (the import then writes into the indexed
     *     tables as they are)
     */
    static Optional<EmptyTables> takeOff(Connection connection, List<String> tables) throws SQLException {
        if (tables.isEmpty() || !empty(connection, tables)) {
            return Optional.empty();
        }
        try (Statement s = connection.createStatement()) {
            s.execute("LOCK TABLE " + String.join(", ", tables) + " IN ACCESS EXCLUSIVE MODE");
        }
        if (!empty(connection, tables)) {
            return Optional.empty(); // another import filled them between the look and the lock
        }
        List<String> drop = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> unique = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        String[] names = tables.toArray(String[]::new);
        // Foreign keys and unique constraints (one that a foreign key points to stays)
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT c.conrelid::regclass::text AS tab, quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS def
                FROM pg_constraint c
                WHERE c.conrelid = ANY (SELECT to_regclass(t) FROM unnest(?::text[]) AS t)
                  AND (c.contype = 'f'
                       OR (c.contype = 'u' AND NOT EXISTS (
                           SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)))
                ORDER BY c.contype, c.conrelid, c.conname
                """)) {
            s.setArray(1, connection.createArrayOf("text", names));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString("tab");
                    String name = rs.getString("name");
                    String def = rs.getString("def");
                    drop.add("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
                    (def.startsWith("FOREIGN KEY") ? foreign : unique)
                            .add("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + def);
                }
            }
        }
        // Indexes of their own (not a primary key's, not a constraint's)
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
                FROM pg_index i
                WHERE i.indrelid = ANY (SELECT to_regclass(t) FROM unnest(?::text[]) AS t)
                  AND NOT i.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                ORDER BY i.indrelid, i.indexrelid
                """)) {
            s.setArray(1, connection.createArrayOf("text", names));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    drop.add("DROP INDEX " + rs.getString("name"));
                    indexes.add(rs.getString("def"));
                }
            }
        }
        try (Statement s = connection.createStatement()) {
            for (String sql : drop) {
                s.execute(sql);
            }
        }
        // Indexes first, then the unique constraints, then the foreign keys (checked against the complete rows)
        List<String> putBack = new ArrayList<>(indexes);
        putBack.addAll(unique);
        putBack.addAll(foreign);
        return Optional.of(new EmptyTables(connection, putBack));
    }

    /** Builds the indexes and adds the constraints again; a row that breaks one fails the transaction. */
    void putBack() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL maintenance_work_mem = '" + INDEX_MEMORY + "'");
            for (String sql : putBack) {
                s.execute(sql);
            }
        }
    }

    private static boolean empty(Connection connection, List<String> tables) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
