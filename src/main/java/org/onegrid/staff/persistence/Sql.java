package org.onegrid.staff.persistence;

/** Helpers for the module's SQL. */
final class Sql {

    private Sql() {}

    /** A LIKE pattern matching {@code text} anywhere, with LIKE's wildcards in the text taken literally. */
    static String containing(String text) {
        return "%" + escape(text) + "%";
    }

    /** A LIKE pattern matching everything that starts with {@code prefix}. */
    static String startingWith(String prefix) {
        return escape(prefix) + "%";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
