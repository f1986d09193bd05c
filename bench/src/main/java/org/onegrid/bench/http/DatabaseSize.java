package org.onegrid.bench.http;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Prints how much the platform's database holds, so each run's figures say what size they were measured at. */
public final class DatabaseSize {

    private DatabaseSize() {}

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT (SELECT count(*) FROM incident), (SELECT count(*) FROM incident_history),
                               (SELECT count(*) FROM notification), pg_size_pretty(pg_database_size(current_database()))
                        """)) {
            rs.next();
            System.out.printf(
                    "%d incidents, %d history entries, %d notifications, %s%n",
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4));
        }
    }
}
