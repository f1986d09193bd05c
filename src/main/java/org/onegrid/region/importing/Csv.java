package org.onegrid.region.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The china-division CSV layout: a header line, then one row per line, fields optionally in double quotes.
 * Files must be UTF-8; a GBK file (common when a spreadsheet saves CSV on a Chinese desktop) is reported with
 * the line where the first undecodable byte sits.
 */
final class Csv {

    record Row(int line, List<String> fields) {
        String get(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }
    }

    record Parsed(List<Row> rows, List<ImportError> errors) {}

    private Csv() {}

    static Parsed parse(String file, byte[] bytes, List<String> expectedHeader) {
        List<ImportError> errors = new ArrayList<>();
        if (bytes == null || bytes.length == 0) {
            errors.add(new ImportError(file, null, null, "the file is empty"));
            return new Parsed(List.of(), errors);
        }
        String text;
        try {
            CharsetDecoder decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            errors.add(new ImportError(
                    file,
                    lineOfFirstBadByte(bytes),
                    null,
                    "the file is not UTF-8 (it looks like GBK or another legacy encoding); save it as UTF-8 and"
                            + " import again"));
            return new Parsed(List.of(), errors);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        List<String> header = split(lines[0]);
        if (!header.equals(expectedHeader)) {
            errors.add(new ImportError(
                    file, 1, null, "the header must be " + String.join(",", expectedHeader) + ", not " + lines[0]));
            return new Parsed(List.of(), errors);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> fields = split(lines[i]);
            if (fields.size() != expectedHeader.size()) {
                errors.add(new ImportError(
                        file, i + 1, null, "expected " + expectedHeader.size() + " fields, found " + fields.size()));
                continue;
            }
            rows.add(new Row(i + 1, fields));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new ImportError(file, null, null, "the file has a header but no rows"));
        }
        return new Parsed(rows, errors);
    }

    private static int lineOfFirstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 1;
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }
}
