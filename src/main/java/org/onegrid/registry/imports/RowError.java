package org.onegrid.registry.imports;

/**
 * One problem of an import file.
 *
 * @param row the row as a spreadsheet numbers it (the header is row 1); 0 for the file as a whole
 * @param column the column's header; null when the problem is not one column's
 * @param message what is wrong, in Chinese
 */
public record RowError(int row, String column, String message) implements java.io.Serializable {}
