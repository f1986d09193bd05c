package org.onegrid.region.web;

import java.net.URI;
import org.onegrid.region.importing.ImportRejected;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A rejected import answers 400 with every problem found, each naming its file, line and field. */
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
        problem.setProperty("errors", e.errors());
        return problem;
    }
}
