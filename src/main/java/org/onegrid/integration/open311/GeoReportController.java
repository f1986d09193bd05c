package org.onegrid.integration.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onegrid.shared.web.Throttle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open311 GeoReport v2 at {@code /open311/v2/}, with its service discovery at {@code /open311/discovery.{format}}.
 * Every resource is served as {@code .xml} (the format the specification requires) and {@code .json}. Reading is
 * public; posting a service request needs a client's {@code api_key}.
 */
@RestController
class GeoReportController {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    /** Look-ups of unknown tokens one address may make per hour: tokens are tracking codes, not to be guessed. */
    static final int UNKNOWN_TOKENS_PER_HOUR = 30;

    private final GeoReport geoReport;
    private final Open311Clients clients;
    private final Open311Properties properties;
    private final Throttle unknownTokens;

    GeoReportController(GeoReport geoReport, Open311Clients clients, Open311Properties properties, Clock clock) {
        this.geoReport = geoReport;
        this.clients = clients;
        this.properties = properties;
        this.unknownTokens = new Throttle(Duration.ofHours(1), clock);
    }

    @GetMapping("/open311/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
        String base = properties.baseUrl().isEmpty()
                ? ServletUriComponentsBuilder.fromContextPath(request).toUriString()
                : properties.baseUrl();
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", base + "/open311/v2");
        endpoint.put("changeset", properties.changeset());
        endpoint.put("type", properties.type());
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", properties.changeset());
        discovery.put("contact", properties.contact());
        discovery.put("key_service", properties.keyService());
        discovery.put("endpoints", List.of(endpoint));
        return format(format).respond(HttpStatus.OK, "discovery", discovery);
    }

    @GetMapping("/open311/v2/services.{format}")
    ResponseEntity<String> services(@PathVariable String format) {
        return format(format).respond(HttpStatus.OK, "services", geoReport.services());
    }

    @GetMapping("/open311/v2/services/{file}")
    ResponseEntity<String> definition(@PathVariable String file) {
        Named named = named(file);
        return named.format().respond(HttpStatus.OK, "service_definition", geoReport.definition(named.name()));
    }

    @PostMapping("/open311/v2/requests.{format}")
    ResponseEntity<String> post(
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Open311Format answer = format(format);
        Open311Clients.Client client = clients.authenticate(GeoReport.single(params, "api_key"));
        return answer.respond(HttpStatus.CREATED, "service_requests", geoReport.post(client, params, idempotencyKey));
    }

    @GetMapping("/open311/v2/requests.{format}")
    ResponseEntity<String> requests(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        return format(format).respond(HttpStatus.OK, "service_requests", geoReport.requests(params));
    }

    @GetMapping("/open311/v2/requests/{file}")
    ResponseEntity<String> request(@PathVariable String file) {
        Named named = named(file);
        return named.format().respond(HttpStatus.OK, "service_requests", geoReport.request(named.name()));
    }

    @GetMapping("/open311/v2/tokens/{file}")
    ResponseEntity<String> token(@PathVariable String file, HttpServletRequest request) {
        Named named = named(file);
        String address = request.getRemoteAddr();
        if (unknownTokens.exhausted(address, UNKNOWN_TOKENS_PER_HOUR)) {
            throw Open311Exception.tooMany(
                    "Too many unknown tokens from this address; try again later", unknownTokens.retryAfter(address));
        }
        try {
            return named.format().respond(HttpStatus.OK, "service_requests", geoReport.token(named.name()));
        } catch (Open311Exception notFound) {
            unknownTokens.allow(address, UNKNOWN_TOKENS_PER_HOUR);
            throw notFound;
        }
    }

    @GetMapping("/open311/v2/servicerequestupdates.{format}")
    ResponseEntity<String> updates(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        return format(format).respond(HttpStatus.OK, "service_request_updates", geoReport.updates(params));
    }

    /** The extension's POST: a resident's follow-up comment, by the client that posted the request. */
    @PostMapping("/open311/v2/servicerequestupdates.{format}")
    ResponseEntity<String> postUpdate(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        Open311Format answer = format(format);
        Open311Clients.Client client = clients.authenticate(GeoReport.single(params, "api_key"));
        return answer.respond(HttpStatus.CREATED, "service_request_updates", geoReport.postUpdate(client, params));
    }

    private static Open311Format format(String extension) {
        return Open311Format.of(extension)
                .orElseThrow(
                        () -> Open311Exception.notFound("The format " + extension + " is not served: use xml or json"));
    }

    /** A resource name with its format: {@code 033.xml}, {@code CSGL-004.json} (codes may hold dots; the last one counts). */
    private record Named(String name, Open311Format format) {}

    private static Named named(String file) {
        int dot = file.lastIndexOf('.');
        if (dot <= 0) {
            throw Open311Exception.notFound(
                    "The resource " + file + " needs its format: " + file + ".xml or " + file + ".json");
        }
        return new Named(file.substring(0, dot), format(file.substring(dot + 1)));
    }
}
