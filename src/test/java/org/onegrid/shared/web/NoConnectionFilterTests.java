package org.onegrid.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A request that got no database connection in time is answered 503 and told when to retry, never 500. */
class NoConnectionFilterTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final NoConnectionFilter filter = new NoConnectionFilter(JSON);

    static SQLTransientConnectionException poolTimeout() {
        return new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 5000ms (total=10, active=10)");
    }

    MockHttpServletResponse run(String path, FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader("Cache-Control", "no-store");
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void anApiRequestWithoutAConnectionIsAnsweredAServiceUnavailableProblem() throws Exception {
        MockHttpServletResponse response = run("/api/v1/incidents", (req, res) -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout());
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsByteArray());
        assertThat(problem.get("type").asString()).endsWith("/service-unavailable");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("title").asString()).isEqualTo("Service Unavailable");
        assertThat(problem.get("detail").asString()).contains("no database connection");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/incidents");
    }

    @Test
    void aTransactionThatCouldNotStartInsideTheControllerIsAnsweredTheSame() throws Exception {
        MockHttpServletResponse response = run("/api/v1/incidents/x/accept", (req, res) -> {
            throw new ServletException(
                    "Request processing failed",
                    new CannotCreateTransactionException(
                            "Could not open JDBC Connection for transaction", poolTimeout()));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(JSON.readTree(response.getContentAsByteArray()).get("type").asString())
                .endsWith("/service-unavailable");
    }

    @Test
    void aPageWithoutAConnectionGetsTheErrorPageWith503() throws Exception {
        MockHttpServletResponse response = run("/workbench", (req, res) -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout());
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.isCommitted()).isTrue();
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void otherFailuresPassAsTheyWere() {
        DataIntegrityViolationException other = new DataIntegrityViolationException("duplicate key");
        assertThatThrownBy(() -> run("/api/v1/incidents", (req, res) -> {
                    throw other;
                }))
                .isSameAs(other);
    }
}
