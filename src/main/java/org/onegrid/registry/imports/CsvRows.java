package org.onegrid.registry.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.InputStreamSource;

/**
 * A CSV file (RFC 4180: commas, double quotes, CRLF or LF) in UTF-8, with or without a byte order mark. Lines starting
 * with {@code #} before the header are the template's explanation and are skipped. Bytes that are not UTF-8 stop the
 * reading with a message that names the line and, when they are GBK/GB18030 (what Excel writes for “CSV（逗号分隔）”
 * on a Chinese Windows), says so and how to save the file as UTF-8; nothing is guessed.
 */
final class CsvRows implements RowSource {

    private static final int MAX_CELL = 10_000;

    private final InputStreamSource file;
    private final Reader in;
    private final List<String> header;
    private final char[] buffer = new char[1 << 15];
    private int pos;
    private int len;
    private int line = 1;
    private int peeked = -2;

    CsvRows(InputStreamSource file) {
        this.file = file;
        try {
            CharsetDecoder utf8 = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            this.in = new InputStreamReader(new BufferedInputStream(file.getInputStream(), 1 << 16), utf8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (peek() == '\uFEFF') {
            read();
        }
        List<String> first;
        do {
            RawRow r = record();
            if (r == null) {
                close();
                throw new FileRefused(0, "文件中没有表头行");
            }
            first = List.of(r.cells());
        } while (first.get(0).startsWith("#"));
        this.header = first;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public RawRow next() {
        while (true) {
            RawRow r = record();
            if (r == null) {
                return null;
            }
            for (String c : r.cells()) {
                if (!c.isBlank()) {
                    return r;
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // closing a read file loses nothing
        }
    }

    /** The next record, or null at the end of the file. */
    private RawRow record() {
        if (peek() == -1) {
            return null;
        }
        int startLine = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = read();
            if (c == -1) {
                if (quoted) {
                    throw new FileRefused(startLine, "第 " + startLine + " 行起的引号没有闭合，文件不完整或格式有误");
                }
                cells.add(cell.toString());
                return new RawRow(startLine, cells.toArray(String[]::new));
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        cell.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(cell, c, startLine);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (cell.isEmpty() && !wasQuoted) {
                        quoted = true;
                        wasQuoted = true;
                    } else {
                        append(cell, c, startLine);
                    }
                }
                case ',' -> {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                }
                case '\r' -> {
                    if (peek() == '\n') {
                        read();
                    }
                    line++;
                    cells.add(cell.toString());
                    return new RawRow(startLine, cells.toArray(String[]::new));
                }
                case '\n' -> {
                    line++;
                    cells.add(cell.toString());
                    return new RawRow(startLine, cells.toArray(String[]::new));
                }
                case 0 -> throw new FileRefused(line, "第 " + line + " 行含有空字节，这不是文本文件；请导入 CSV UTF-8 或 XLSX 文件");
                default -> append(cell, c, startLine);
            }
        }
    }

    private static void append(StringBuilder cell, int c, int row) {
        if (cell.length() >= MAX_CELL) {
            throw new FileRefused(row, "第 " + row + " 行有超过 " + MAX_CELL + " 个字符的单元格，文件格式有误");
        }
        cell.append((char) c);
    }

    private int peek() {
        if (peeked == -2) {
            peeked = readChar();
        }
        return peeked;
    }

    private int read() {
        int c = peek();
        peeked = -2;
        return c;
    }

    private int readChar() {
        if (pos < len) {
            return buffer[pos++];
        }
        try {
            len = in.read(buffer);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
            return buffer[pos++];
        } catch (CharacterCodingException e) {
            close();
            throw notUtf8(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finds the first byte that is no UTF-8 and names its line, and GBK when it is that. */
    static FileRefused notUtf8(InputStreamSource file) {
        try (InputStream in = new BufferedInputStream(file.getInputStream(), 1 << 16)) {
            int line = 1;
            long offset = 0;
            long lineStart = 0;
            int pending = 0;
            int b;
            while ((b = in.read()) != -1) {
                if (pending > 0) {
                    if ((b & 0xC0) != 0x80) {
                        break;
                    }
                    pending--;
                } else if (b >= 0x80) {
                    if ((b & 0xE0) == 0xC0 && b >= 0xC2) {
                        pending = 1;
                    } else if ((b & 0xF0) == 0xE0) {
                        pending = 2;
                    } else if ((b & 0xF8) == 0xF0 && b <= 0xF4) {
                        pending = 3;
                    } else {
                        break;
                    }
                } else if (b == '\n') {
                    line++;
                    lineStart = offset + 1;
                }
                offset++;
            }
            if (looksLikeGbk(file, lineStart)) {
                return new FileRefused(
                        line,
                        "文件不是 UTF-8 编码：第 " + line + " 行是 GBK/GB18030 编码的中文（Excel 另存为“CSV（逗号分隔）”时的默认编码）。"
                                + "请在 Excel 中选择“另存为 → CSV UTF-8（逗号分隔）”，或使用 XLSX 模板，然后重新导入");
            }
            return new FileRefused(
                    line, "文件第 " + line + " 行含有无效的 UTF-8 字节（文件第 " + (offset + 1) + " 个字节），文件可能已损坏，或不是 UTF-8 编码的文本");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the line starting at {@code lineStart} decodes as GB18030 into Chinese characters. */
    private static boolean looksLikeGbk(InputStreamSource file, long lineStart) throws IOException {
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            in.skipNBytes(lineStart);
            bytes = in.readNBytes(4096);
        }
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        if (end == bytes.length && bytes.length == 4096) {
            end = Math.max(0, end - 4); // a character may be cut at the end
        }
        try {
            String text = Charset.forName("GB18030")
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end))
                    .toString();
            return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
