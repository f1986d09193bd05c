package org.onegrid.catalog.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onegrid.catalog.AttributeDefinition;
import org.onegrid.catalog.CatalogItemDraft;
import org.onegrid.catalog.HandlingLevel;
import org.onegrid.catalog.StageLimit;
import org.onegrid.catalog.persistence.CatalogRows.CategoryRow;
import org.onegrid.worktime.TimeMode;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The demo catalog as shipped in {@code demo/catalog/}: {@code categories.csv}, {@code items.csv} (one item a line,
 * lists separated by {@code |}, limits as {@code 30m} or {@code 40h}, one time mode for all three stages) and {@code
 * attributes.json} (extra attributes by item code). No field contains a comma, so the files are split on commas;
 * Chinese text uses the full-width ，.
 */
record DemoCatalogFiles(List<CategoryRow> categories, List<Item> items) {

    static final String FOLDER = "demo/catalog/";

    /** An item of the file with the line it came from. */
    record Item(int line, String code, CatalogItemDraft draft) {}

    private static final Pattern LIMIT = Pattern.compile("([1-9][0-9]*)([mh])");
    private static final Set<String> FLAGS = Set.of("joint", "emergency", "escalate", "public", "private");
    private static final int ITEM_COLUMNS = 12;

    static DemoCatalogFiles read(ObjectMapper json) {
        return parse(text("categories.csv"), text("items.csv"), text("attributes.json"), json);
    }

    static DemoCatalogFiles parse(String categoriesCsv, String itemsCsv, String attributesJson, ObjectMapper json) {
        Map<String, List<AttributeDefinition>> attributes =
                json.readValue(attributesJson, new TypeReference<Map<String, List<AttributeDefinition>>>() {});
        List<CategoryRow> categories = new ArrayList<>();
        List<String[]> categoryLines = lines("categories.csv", categoriesCsv, 3);
        for (String[] f : categoryLines) {
            categories.add(new CategoryRow(f[0], f[1], Integer.parseInt(f[2]), true));
        }
        List<Item> items = new ArrayList<>();
        List<String[]> itemLines = lines("items.csv", itemsCsv, ITEM_COLUMNS);
        for (int i = 0; i < itemLines.size(); i++) {
            String[] f = itemLines.get(i);
            int line = i + 2;
            TimeMode mode = TimeMode.valueOf(f[8]);
            List<String> flags = list(f[9]);
            for (String flag : flags) {
                if (!FLAGS.contains(flag)) {
                    throw new IllegalStateException("items.csv line " + line + ": unknown flag " + flag);
                }
            }
            CatalogItemDraft draft = new CatalogItemDraft(
                    f[1],
                    f[2],
                    f[11],
                    list(f[3]),
                    HandlingLevel.valueOf(f[4]),
                    limit(f[5], mode, line),
                    limit(f[6], mode, line),
                    limit(f[7], mode, line),
                    flags.contains("joint"),
                    flags.contains("emergency"),
                    flags.contains("escalate"),
                    list(f[10]),
                    attributes.getOrDefault(f[0], List.of()),
                    flags.contains("public") ? Boolean.TRUE : flags.contains("private") ? Boolean.FALSE : null);
            items.add(new Item(line, f[0], draft));
        }
        Set<String> known = Set.copyOf(items.stream().map(Item::code).toList());
        for (String code : attributes.keySet()) {
            if (!known.contains(code)) {
                throw new IllegalStateException("attributes.json names an item items.csv lacks: " + code);
            }
        }
        return new DemoCatalogFiles(List.copyOf(categories), List.copyOf(items));
    }

    private static StageLimit limit(String text, TimeMode mode, int line) {
        Matcher m = LIMIT.matcher(text);
        if (!m.matches()) {
            throw new IllegalStateException("items.csv line " + line + ": a limit is like 30m or 40h, not " + text);
        }
        long amount = Long.parseLong(m.group(1));
        return new StageLimit(m.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofMinutes(amount), mode);
    }

    private static List<String> list(String field) {
        return field.isBlank()
                ? List.of()
                : Arrays.stream(field.split("\\|")).map(String::strip).toList();
    }

    /** The lines after the header, each split into exactly {@code columns} fields. */
    private static List<String[]> lines(String name, String text, int columns) {
        String[] lines = text.strip().split("\r?\n");
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] fields = lines[i].split(",", -1);
            if (fields.length != columns) {
                throw new IllegalStateException(name + " line " + (i + 1) + ": " + fields.length + " fields, not "
                        + columns + " (a comma in the text? use ，)");
            }
            for (int j = 0; j < fields.length; j++) {
                fields[j] = fields[j].strip();
            }
            rows.add(fields);
        }
        return rows;
    }

    private static String text(String name) {
        try (InputStream in = new ClassPathResource(FOLDER + name).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("demo data " + FOLDER + name + " is missing from the application", e);
        }
    }
}
