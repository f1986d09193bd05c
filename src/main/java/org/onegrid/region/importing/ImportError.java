package org.onegrid.region.importing;

/**
 * One thing wrong with an import file.
 *
 * @param file the file (or part) at fault, e.g. {@code villages.csv}
 * @param line the 1-based line of a CSV file, or the 1-based feature number of a GeoJSON file; null for the
 *     whole file
 * @param field the column or property at fault, or null
 */
public record ImportError(String file, Integer line, String field, String message) {

    @Override
    public String toString() {
        return file + (line == null ? "" : ":" + line) + (field == null ? "" : " [" + field + "]") + ": " + message;
    }
}
