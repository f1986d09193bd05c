package org.onegrid.suggest.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled texts in the corpus format: UTF-8, one example a line, {@code ITEMCODE<TAB>text}; blank lines and lines
 * starting with {@code #} are comments.
 */
public final class Corpus {

    private Corpus() {}

    /**
     * The examples in {@code in}, which is closed.
     *
     * @param source named in the error of a malformed line
     * @throws IllegalArgumentException naming the source and line of a line without an item code and a text
     */
    public static List<Example> read(InputStream in, String source) throws IOException {
        List<Example> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String code = tab < 0 ? "" : line.substring(0, tab).strip();
                String text = tab < 0 ? "" : line.substring(tab + 1).strip();
                if (code.isEmpty() || text.isEmpty()) {
                    throw new IllegalArgumentException(
                            source + " line " + number + ": expected ITEMCODE<TAB>text, not '" + line + "'");
                }
                out.add(new Example(code, text));
            }
        }
        return out;
    }
}
