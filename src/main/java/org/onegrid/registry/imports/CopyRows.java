package org.onegrid.registry.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.copy.CopyManager;

/**
 * Rows for one table in PostgreSQL's binary {@code COPY} format, built in memory and sent in one {@code COPY ... FROM
 * STDIN (FORMAT binary)}: no text escaping of the ciphertexts, no parsing on the server. COPY writes the given values
 * of identity columns, so ids allocated beforehand keep rows of several tables linked.
 */
final class CopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private final String sql;
    private final int columns;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    private final DataOutputStream out = new DataOutputStream(bytes);
    private int rows;
    private int inRow;

    /** @param table the table with its column list, e.g. {@code registry_person_tag (person_id, tag)} */
    CopyRows(String table, int columns) {
        this.sql = "COPY " + table + " FROM STDIN (FORMAT binary)";
        this.columns = columns;
        try {
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CopyRows row() {
        if (inRow != 0 && inRow != columns) {
            throw new IllegalStateException("row has " + inRow + " of " + columns + " columns");
        }
        inRow = 0;
        rows++;
        return write(() -> out.writeShort(columns), false);
    }

    CopyRows bigint(Long v) {
        return v == null
                ? nul()
                : write(() -> {
                    out.writeInt(8);
                    out.writeLong(v);
                });
    }

    CopyRows integer(Integer v) {
        return v == null
                ? nul()
                : write(() -> {
                    out.writeInt(4);
                    out.writeInt(v);
                });
    }

    CopyRows float8(double v) {
        return write(() -> {
            out.writeInt(8);
            out.writeDouble(v);
        });
    }

    CopyRows bool(boolean v) {
        return write(() -> {
            out.writeInt(1);
            out.writeByte(v ? 1 : 0);
        });
    }

    CopyRows text(String v) {
        if (v == null) {
            return nul();
        }
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        return bytea(b);
    }

    CopyRows bytea(byte[] v) {
        return v == null
                ? nul()
                : write(() -> {
                    out.writeInt(v.length);
                    out.write(v);
                });
    }

    CopyRows date(LocalDate v) {
        return v == null
                ? nul()
                : write(() -> {
                    out.writeInt(4);
                    out.writeInt((int) (v.toEpochDay() - POSTGRES_EPOCH_DAY));
                });
    }

    int rows() {
        return rows;
    }

    /** Sends the rows; nothing when there are none. */
    void copy(CopyManager copy) throws SQLException {
        if (rows == 0) {
            return;
        }
        try {
            out.writeShort(-1);
            copy.copyIn(sql, new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CopyRows nul() {
        return write(() -> out.writeInt(-1));
    }

    private interface Write {
        void run() throws IOException;
    }

    private CopyRows write(Write w) {
        return write(w, true);
    }

    private CopyRows write(Write w, boolean column) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (column) {
            inRow++;
        }
        return this;
    }
}
