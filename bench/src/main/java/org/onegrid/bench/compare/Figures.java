package org.onegrid.bench.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The rows of the side-by-side table: each comparison appends its rows to the file named by the system property
 * {@code compare.figures} (when set), which {@code bench/compare} prints at the end as one table.
 */
final class Figures {

    private Figures() {}

    /** One row: what was measured, OneGrid's figure, the other engine's, their ratio, and the target. */
    static void row(String what, String unit, double oneGrid, double other, String otherName, double target) {
        double ratio = oneGrid / other;
        String line = String.format(
                Locale.ROOT,
                "| %s | %s %s | %s %s (%s) | %.1f× | ≥ %.0f× | %s |%n",
                what,
                thousands(oneGrid),
                unit,
                thousands(other),
                unit,
                otherName,
                ratio,
                target,
                ratio >= target ? "met" : "MISSED");
        System.out.print(line);
        append(line);
    }

    /** One row of an absolute figure (no counterpart): what, the figure and the target. */
    static void absolute(String what, String unit, double figure, double target) {
        String line = String.format(
                Locale.ROOT,
                "| %s | %s %s | — | — | ≥ %s %s | %s |%n",
                what,
                thousands(figure),
                unit,
                thousands(target),
                unit,
                figure >= target ? "met" : "MISSED");
        System.out.print(line);
        append(line);
    }

    static String thousands(double value) {
        return String.format(Locale.ROOT, value < 100 ? "%,.1f" : "%,.0f", value);
    }

    /** A line printed under the table. */
    static void note(String text) {
        String file = System.getProperty("compare.figures");
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(
                    Path.of(file + ".notes"),
                    text + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(String line) {
        String file = System.getProperty("compare.figures");
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(
                    Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
