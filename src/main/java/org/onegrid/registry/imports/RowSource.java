package org.onegrid.registry.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.springframework.core.io.InputStreamSource;

/**
 * The rows of an import file, one after another, never the whole file in memory: CSV in UTF-8, or the first sheet of
 * an XLSX workbook. Which it is, the file's first bytes tell, not its name.
 */
interface RowSource extends AutoCloseable {

    /** The header row's cells, as written. */
    List<String> header();

    /** The next non-empty row; null at the end. */
    RawRow next();

    @Override
    void close();

    static RowSource open(InputStreamSource file) {
        byte[] start = new byte[8];
        int read;
        try (InputStream in = new BufferedInputStream(file.getInputStream())) {
            read = in.readNBytes(start, 0, start.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (read == 0) {
            throw new FileRefused(0, "文件是空的");
        }
        if (ReadableWorkbook.isOOXMLZipHeader(start)) {
            return new XlsxRows(file);
        }
        if (ReadableWorkbook.isOLE2Header(start)) {
            throw new FileRefused(0, "不支持旧版 Excel 97-2003 工作簿（.xls），请在 Excel 中另存为 .xlsx 或“CSV UTF-8（逗号分隔）”后重新导入");
        }
        return new CsvRows(file);
    }
}
