package org.onegrid.region.importing;

/**
 * One thing wrong with an import file.
 *
 * @param file the file (or part) at fault, e.g. {@code villages.csv}
 * @param line the 1-based line of a CSV file, or the 1-based feature number of a boundaries GeoJSON file; null
 *     for the whole file
 * @param feature the 0-based index of the feature at fault in a grid GeoJSON file's {@code features} array (as
 *     in the JSON pointer {@code /features/0}); null for the whole file and for CSV files
 * @param code the code of the grid or region at fault, when it has one
 * @param field the column or property at fault, or null
 */
public record ImportError(String file, Integer line, Integer feature, String code, String field, String message) {

    public ImportError(String file, Integer line, String field, String message) {
        this(file, line, null, null, field, message);
    }

    /** A problem with one feature of a GeoJSON file. */
    public static ImportError ofFeature(String file, int feature, String code, String field, String message) {
        return new ImportError(file, null, feature, code, field, message);
    }

    @Override
    public String toString() {
        return file
                + (line == null ? "" : ":" + line)
                + (feature == null ? "" : " feature " + feature)
                + (code == null ? "" : " (" + code + ")")
                + (field == null ? "" : " [" + field + "]")
                + ": " + message;
    }
}
