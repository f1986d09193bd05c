package org.onegrid.bench.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The absolute targets from a JMH run's JSON result ({@code -rf json}): grid lookups and working-time deadlines, a
 * million a second on one core each, as rows of the side-by-side table.
 */
public final class JmhFigures {

    static final double TARGET = 1_000_000;

    public static void main(String[] args) throws Exception {
        JsonNode results = new ObjectMapper().readTree(Files.readString(Path.of(args[0])));
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asString();
            String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            double score = result.path("primaryMetric").path("score").asDouble();
            double error = result.path("primaryMetric").path("scoreError").asDouble();
            String unit = name.startsWith("WorkCalendar") ? "deadlines/s" : "lookups/s";
            Figures.absolute(
                    "JMH " + name + " (1 thread, ± " + Figures.thousands(Double.isNaN(error) ? 0 : error) + ")",
                    unit,
                    score,
                    TARGET);
        }
    }
}
