package org.onegrid.registry.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The import templates a user downloads: Chinese headers, one example row, and what to write in each column — as a
 * sheet of its own in XLSX, as {@code #} lines before the header in CSV (UTF-8 with a byte order mark, so Excel opens
 * it in Chinese). The example row is data: replace or delete it before importing.
 */
final class Templates {

    private Templates() {}

    static byte[] csv(ImportKind kind) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("# ")
                .append(kind.label())
                .append("导入模板（CSV UTF-8）。以 # 开头的说明行可以保留；第一行非说明行是表头，表头下第一行是示例，导入前请替换或删除。\r\n");
        for (Column c : kind.columns()) {
            out.append(csvCell("# " + c.header() + (c.required() ? "（必填）" : "（选填）") + "：" + c.help()))
                    .append("\r\n");
        }
        out.append(String.join(
                        ",",
                        kind.columns().stream().map(c -> csvCell(c.header())).toList()))
                .append("\r\n");
        out.append(String.join(
                        ",",
                        kind.columns().stream().map(c -> csvCell(c.example())).toList()))
                .append("\r\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(ImportKind kind) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(bytes, "OneGrid", "1.0");
            Worksheet data = wb.newWorksheet(kind.label());
            List<Column> columns = kind.columns();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                data.value(0, i, c.header());
                data.style(0, i)
                        .bold()
                        .fillColor(c.required() ? "FCE4D6" : "EDEDED")
                        .set();
                // every column text, so that Excel keeps ID numbers, codes and leading zeros as written
                data.range(1, i, 10_000, i).style().format("@").set();
                data.value(1, i, c.example());
                data.width(i, Math.max(12, c.example().length() * 1.6 + 4));
            }
            data.freezePane(0, 1);
            Worksheet help = wb.newWorksheet("填写说明");
            help.value(0, 0, "列");
            help.value(0, 1, "是否必填");
            help.value(0, 2, "填写说明");
            help.value(0, 3, "示例");
            help.range(0, 0, 0, 3).style().bold().set();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                help.value(i + 1, 0, c.header());
                help.value(i + 1, 1, c.required() ? "必填" : "选填");
                help.value(i + 1, 2, c.help());
                help.value(i + 1, 3, c.example());
            }
            help.value(columns.size() + 2, 0, "导入时只读取第一个工作表；表头下第一行是示例，导入前请替换或删除。任何一行有错误时整个文件都不会导入，错误报告按行号和列名列出每个问题。");
            help.width(0, 18);
            help.width(2, 70);
            help.width(3, 30);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The report's problems as CSV (UTF-8 with BOM): 行号, 列, 问题. */
    static byte[] report(ImportReport report) {
        StringBuilder out = new StringBuilder("\uFEFF行号,列,问题\r\n");
        for (RowError e : report.errors()) {
            out.append(e.row() == 0 ? "" : String.valueOf(e.row()))
                    .append(',')
                    .append(csvCell(e.column() == null ? "" : e.column()))
                    .append(',')
                    .append(csvCell(e.message()))
                    .append("\r\n");
        }
        if (report.errorCount() > report.errors().size()) {
            out.append(",,")
                    .append(csvCell(
                            "另有 " + (report.errorCount() - report.errors().size()) + " 个问题未列出，请先改正以上问题"))
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String csvCell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
