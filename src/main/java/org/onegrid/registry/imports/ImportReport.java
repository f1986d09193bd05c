package org.onegrid.registry.imports;

import java.util.List;
import java.util.Map;

/**
 * What an import did: all of the file or nothing of it.
 *
 * @param imported whether the file was written; false when any row had a problem, and then nothing was written
 * @param rows the data rows read (the header and empty rows not counted)
 * @param written what was written, by what it is (地址, 建筑, 户, 人员, 组织), in the order of the file's kind
 * @param errorCount how many problems were found; {@code errors} holds the first {@link #MAX_LISTED} of them
 * @param errors the problems, by row, each with its column and a message in Chinese
 * @param importId the import's number in the registry's import log; null when nothing was written
 */
public record ImportReport(
        ImportKind kind,
        String fileName,
        boolean imported,
        int rows,
        Map<String, Integer> written,
        int errorCount,
        List<RowError> errors,
        long millis,
        Long importId,
        boolean synthetic)
        implements java.io.Serializable {

    /** Problems listed in one report; the count says how many there were in all. */
    public static final int MAX_LISTED = 10_000;

    public String kindLabel() {
        return kind.label();
    }

    /** Rows per second over the whole import, reading and checking included. */
    public long rowsPerSecond() {
        return millis == 0 ? rows : rows * 1000L / millis;
    }
}
