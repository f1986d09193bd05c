package org.onegrid.staff.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

/** Requests pass the security filters bare, without an observation around each; the request metric stays. */
@IntegrationTest
class RequestObservationTests {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter securityFilters;

    @Autowired
    MeterRegistry meters;

    @Test
    void theSecurityFilterChainIsNotDecoratedForObservation() {
        assertThat(securityFilters).isInstanceOf(FilterChainProxy.class);
        assertThat(ReflectionTestUtils.getField(securityFilters, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class)
                .isInstanceOf(FilterChainProxy.VirtualFilterChainDecorator.class);
    }

    @Test
    void requestsAreStillTimedAsHttpServerRequests() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);

        // The timer stops once the response is written, which may be after the client read it. Which URIs get a
        // timer of their own is capped (management.metrics.web.server.max-uri-tags) across the whole test context.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(meters.find("http.server.requests").timers())
                                .isNotEmpty()
                                .anySatisfy(timer -> assertThat(timer.count()).isPositive()));
        assertThat(meters.find("spring.security.filterchains").meters()).isEmpty();
    }
}
