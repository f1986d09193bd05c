package org.onegrid.registry;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.onegrid.registry.domain.Violation;
import org.onegrid.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A registry entry refused for every violation found, nothing written; rendered as a 400 problem whose {@code errors}
 * name each field, code and reason.
 */
public class RegistryRefused extends ErrorResponseException {

    private final transient List<Violation> violations;

    RegistryRefused(List<Violation> violations) {
        super(HttpStatus.BAD_REQUEST, problem(violations), null);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    static void refuseIfAny(List<Violation> found) {
        if (!found.isEmpty()) {
            throw new RegistryRefused(found);
        }
    }

    private static org.springframework.http.ProblemDetail problem(List<Violation> found) {
        return Problems.invalidFields(found.stream()
                        .sorted(Comparator.comparing(Violation::field))
                        .map(v -> Map.of("field", v.field(), "code", v.code(), "message", v.message()))
                        .toList())
                .getBody();
    }
}
