package org.onegrid.bench.suggest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.onegrid.suggest.model.CatalogExamples;
import org.onegrid.suggest.model.Corpus;
import org.onegrid.suggest.model.Example;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the suggestion benchmarks train and test on: the demo catalog's words and the shipped corpus (training), the
 * held-out complaints (never trained on), and synthetic labelled incidents for the training-time figure.
 */
final class SuggestData {

    static final String HELD_OUT = "suggest/heldout.tsv";

    private SuggestData() {}

    /** The catalog's examples, from the demo catalog the application ships. */
    static List<Example> catalog() {
        Map<String, String> categories = new HashMap<>();
        for (String[] row : csv("demo/catalog/categories.csv")) {
            categories.put(row[0], row[1]);
        }
        List<Example> out = new ArrayList<>();
        for (String[] row : csv("demo/catalog/items.csv")) {
            List<String> keywords = row[10].isBlank() ? List.of() : Arrays.asList(row[10].split("\\|"));
            out.addAll(CatalogExamples.of(row[0], categories.getOrDefault(row[1], ""), row[2], row[11], keywords));
        }
        return out;
    }

    /** The shipped corpus: every {@code suggest/corpus/*.tsv} on the class path. */
    static List<Example> corpus() {
        List<Example> out = new ArrayList<>();
        try {
            for (Resource r :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:suggest/corpus/*.tsv")) {
                try (InputStream in = r.getInputStream()) {
                    out.addAll(Corpus.read(in, r.getDescription()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The held-out set: {@code path} if given, else the benchmarks' own; empty when there is none yet. */
    static List<Example> heldOut(String path) {
        try {
            if (path != null) {
                try (InputStream in = Files.newInputStream(Path.of(path))) {
                    return Corpus.read(in, path);
                }
            }
            ClassPathResource own = new ClassPathResource(HELD_OUT);
            if (!own.exists()) {
                return List.of();
            }
            try (InputStream in = own.getInputStream()) {
                return Corpus.read(in, HELD_OUT);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code count} labelled incidents as a city's dispatchers would have confirmed them: a training text of the item
     * with where and since when around it, sometimes two of the item's texts together, sometimes a phone number.
     */
    static List<Example> synthetic(List<Example> training, int count, long seed) {
        Map<String, List<String>> byItem = new HashMap<>();
        training.forEach(e ->
                byItem.computeIfAbsent(e.itemCode(), c -> new ArrayList<>()).add(e.text()));
        List<String> items = byItem.keySet().stream().sorted().toList();
        String[] places = {"我们小区", "村东头", "府前街", "西城新区", "学校门口", "菜市场旁边", "3号楼下", "东营区", "广饶县城", ""};
        String[] times = {"好几天了", "昨天晚上开始", "一直没人管", "已经一个多月", "反映过多次", "今天早上", ""};
        String[] asks = {"希望尽快处理", "请有关部门管一管", "麻烦派人来看看", "谢谢", ""};
        Random random = new Random(seed);
        List<Example> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String item = items.get(random.nextInt(items.size()));
            List<String> texts = byItem.get(item);
            StringBuilder text = new StringBuilder()
                    .append(places[random.nextInt(places.length)])
                    .append(texts.get(random.nextInt(texts.size())))
                    .append('，')
                    .append(times[random.nextInt(times.length)]);
            if (random.nextInt(4) == 0) {
                text.append('，').append(texts.get(random.nextInt(texts.size())));
            }
            if (random.nextInt(5) == 0) {
                text.append("，联系电话13").append(100_000_000 + random.nextInt(900_000_000));
            }
            text.append('，').append(asks[random.nextInt(asks.length)]);
            out.add(new Example(item, text.toString()));
        }
        return out;
    }

    private static List<String[]> csv(String name) {
        try (InputStream in = new ClassPathResource(name).getInputStream()) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .strip()
                    .split("\r?\n");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    rows.add(lines[i].split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(name + " is missing from the application", e);
        }
    }
}
