package org.onegrid.region.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onegrid.region.importing.ImportError;
import org.onegrid.region.importing.ImportRejected;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A rejected import answers 400 with every problem found, each naming its file, then its line (CSV) or feature
 * index (GeoJSON), the code of the region or grid at fault, and the field, as far as they are known.
 */
@RestControllerAdvice
class ImportProblems {

    @ExceptionHandler(ImportRejected.class)
    ProblemDetail rejected(ImportRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                e.errors().size() + " problem(s) found; nothing was imported. First: "
                        + e.errors().get(0));
        problem.setType(URI.create("https://onegrid.org/problems/import-rejected"));
        problem.setTitle("Import rejected");
        problem.setProperty("errors", members(e.errors()));
        return problem;
    }

    /** The errors without their empty members: a CSV error has no feature, a GeoJSON error no line. */
    private static List<Map<String, Object>> members(List<ImportError> errors) {
        return errors.stream()
                .map(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", e.file());
                    putIfPresent(m, "line", e.line());
                    putIfPresent(m, "feature", e.feature());
                    putIfPresent(m, "code", e.code());
                    putIfPresent(m, "field", e.field());
                    m.put("message", e.message());
                    return m;
                })
                .toList();
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
