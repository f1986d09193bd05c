package org.onegrid.registry.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each of a template's columns is in a file: matched by its Chinese header (spaces, a trailing {@code *} and
 * full-width parentheses ignored), in any order. A missing required column or an unknown one refuses the file.
 */
final class Header {

    private final ImportKind kind;
    private final Map<String, Integer> index = new HashMap<>();

    private Header(ImportKind kind) {
        this.kind = kind;
    }

    static Header of(ImportKind kind, List<String> cells) {
        Header h = new Header(kind);
        Map<String, Column> byHeader = new HashMap<>();
        for (Column c : kind.columns()) {
            byHeader.put(plain(c.header()), c);
        }
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = plain(cells.get(i));
            if (name.isEmpty()) {
                continue;
            }
            Column c = byHeader.get(name);
            if (c == null) {
                unknown.add(cells.get(i).strip());
            } else if (h.index.putIfAbsent(c.key(), i) != null) {
                throw new FileRefused(1, "表头中“" + c.header() + "”列出现了两次");
            }
        }
        List<String> missing = kind.columns().stream()
                .filter(c -> c.required() && !h.index.containsKey(c.key()))
                .map(Column::header)
                .toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            StringBuilder m = new StringBuilder("表头与“" + kind.label() + "”模板不符：");
            if (!missing.isEmpty()) {
                m.append("缺少必填列 ").append(String.join("、", missing));
            }
            if (!unknown.isEmpty()) {
                m.append(missing.isEmpty() ? "" : "；").append("无法识别的列 ").append(String.join("、", unknown));
            }
            m.append("。请下载最新模板，按模板的列填写");
            throw new FileRefused(1, m.toString());
        }
        return h;
    }

    /** The cell of the column, stripped; empty when the file has no such column or the row is short. */
    String get(RawRow row, String key) {
        Integer i = index.get(key);
        if (i == null || i >= row.cells().length) {
            return "";
        }
        return row.cells()[i].strip();
    }

    /** Whether the cell was a number in XLSX too long to keep its digits. */
    boolean isLongNumber(RawRow row, String key) {
        Integer i = index.get(key);
        return i != null && row.isLongNumber(i);
    }

    String headerOf(String key) {
        return kind.columns().stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElseThrow()
                .header();
    }

    private static String plain(String header) {
        return header.replace("\uFEFF", "")
                .replace("（", "")
                .replace("）", "")
                .replace("(", "")
                .replace(")", "")
                .replace("*", "")
                .replace("/", "")
                .replaceAll("\\s", "");
    }
}
