package org.onegrid.registry.imports;

/** The file as a whole cannot be read (encoding, format, headers); nothing of it is imported. */
final class FileRefused extends RuntimeException {

    private final transient RowError error;

    FileRefused(int row, String message) {
        super(message, null, false, false);
        this.error = new RowError(row, null, message);
    }

    RowError error() {
        return error;
    }
}
