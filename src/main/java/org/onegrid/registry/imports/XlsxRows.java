package org.onegrid.registry.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.core.io.InputStreamSource;

/**
 * The first sheet of an XLSX workbook, streamed row by row (fastexcel's reader: the sheet's XML is parsed as it is
 * read, never held whole). Dates in date cells become {@code 2026-01-31}; numbers their plain decimal form.
 */
final class XlsxRows implements RowSource {

    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private final List<String> header;

    XlsxRows(InputStreamSource file) {
        try {
            this.workbook = new ReadableWorkbook(file.getInputStream(), new ReadingOptions(true, false));
            this.rows = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            throw new FileRefused(0, "无法读取 XLSX 工作簿，文件可能已损坏：" + e.getMessage());
        }
        this.iterator = rows.iterator();
        RawRow first = next();
        if (first == null) {
            close();
            throw new FileRefused(0, "工作簿的第一个工作表中没有表头行");
        }
        this.header = List.of(first.cells());
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public RawRow next() {
        try {
            while (iterator.hasNext()) {
                Row row = iterator.next();
                List<String> cells = new ArrayList<>();
                BitSet longNumbers = null;
                boolean blank = true;
                for (int i = 0; i < row.getCellCount(); i++) {
                    Cell cell = row.getCell(i);
                    String text = text(cell);
                    if (cell != null
                            && cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER
                            && text.replace(".", "").length() >= 16) {
                        if (longNumbers == null) {
                            longNumbers = new BitSet();
                        }
                        longNumbers.set(i);
                    }
                    blank &= text.isBlank();
                    cells.add(text);
                }
                if (!blank) {
                    return new RawRow(row.getRowNum(), cells.toArray(String[]::new), longNumbers);
                }
            }
            return null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new FileRefused(0, "读取 XLSX 工作簿时出错，文件可能已损坏：" + e.getMessage());
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> {
                String format = cell.getDataFormatString();
                if (format != null && isDateFormat(format)) {
                    LocalDateTime at = cell.asDate();
                    yield at == null ? "" : at.toLocalDate().toString();
                }
                BigDecimal n = cell.asNumber();
                yield n == null ? "" : n.stripTrailingZeros().toPlainString();
            }
            case STRING, FORMULA, BOOLEAN -> cell.getText() == null ? "" : cell.getText();
            case ERROR -> "#错误";
            default -> "";
        };
    }

    private static boolean isDateFormat(String format) {
        String f = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase();
        return f.contains("y") || f.contains("d") || (f.contains("m") && !f.contains("0"));
    }

    @Override
    public void close() {
        rows.close();
        try {
            workbook.close();
        } catch (IOException e) {
            // closing a read file loses nothing
        }
    }
}
