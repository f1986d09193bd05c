package org.onegrid.bench.compare;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * SQL statements run and transactions committed so far in one database of the benchmark's PostgreSQL, from {@code
 * pg_stat_statements} and {@code pg_stat_database}, read over the maintenance connection named by the system
 * property {@code compare.stats.url} (the {@code postgres} database). Zero counts when it is not set.
 */
record Statements(long statements, long commits) {

    static Statements now(String database) {
        String url = System.getProperty("compare.stats.url");
        if (url == null || url.isBlank()) {
            return new Statements(0, 0);
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement q = c.prepareStatement("""
                        SELECT (SELECT coalesce(sum(s.calls), 0) FROM pg_stat_statements s WHERE s.dbid = d.datid),
                               d.xact_commit
                          FROM pg_stat_database d
                         WHERE d.datname = ?
                        """)) {
            // the counters of other backends reach pg_stat_database within a second
            Thread.sleep(1_100);
            q.setString(1, database);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new Statements(rs.getLong(1), rs.getLong(2)) : new Statements(0, 0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's statistics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Statements(0, 0);
        }
    }

    Statements minus(Statements earlier) {
        return new Statements(statements - earlier.statements, commits - earlier.commits);
    }
}
