package org.onegrid.staff.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code staff_secret} table: secrets the platform generated for itself. */
@Repository
public class SecretRows {

    private final JdbcClient jdbc;

    SecretRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The stored value of a secret; if none is stored yet, stores {@code candidate} first. Safe when several nodes
     * start at once: the first insert wins and all read the same value.
     */
    public String getOrCreate(String name, String candidate) {
        jdbc.sql("INSERT INTO staff_secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                .params(name, candidate)
                .update();
        return jdbc.sql("SELECT value FROM staff_secret WHERE name = ?")
                .param(name)
                .query(String.class)
                .single();
    }
}
