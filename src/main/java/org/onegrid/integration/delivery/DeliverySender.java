package org.onegrid.integration.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's due deliveries by HTTP POST, one at a time, on a thread of its own that runs while the
 * application does.
 *
 * <p>Each delivery is claimed with a lease before it is sent, so that several application nodes (or a node that
 * restarted) never send the same delivery at once; a 2xx answer marks it delivered; anything else, or no answer,
 * marks it failed and due again after a backoff that doubles up to {@link DeliverySettings#maxRetry()}: a receiver
 * that is down for hours or days gets its deliveries when it is back, in order. Every request carries the
 * delivery's event id ({@code Idempotency-Key}, {@code X-Event-Id}), the same on every attempt.
 *
 * <p>No double sending on a restart: stopping the application lets the delivery being sent finish and record its
 * outcome before the sender ends, and claims nothing further. Only a node that dies between a receiver's answer and
 * the write of the outcome (a crash, not a shutdown) leaves a delivery that is sent again after its lease; the
 * receiver recognises it by its event id.
 */
@Component
class DeliverySender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    private final Outbox outbox;
    private final List<Receiver> receivers;
    private final DeliverySettings settings;
    private final HttpClient http;
    private final Clock clock = Clock.systemUTC();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    DeliverySender(Outbox outbox, List<Receiver> receivers, DeliverySettings settings) {
        this.outbox = outbox;
        this.receivers = receivers;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "delivery-sender");
        thread.setDaemon(true);
        thread.start();
    }

    /** Lets the delivery being sent finish, then ends; claims nothing after this. */
    @Override
    public void stop() {
        Thread sender;
        synchronized (this) {
            running = false;
            sender = thread;
            thread = null;
        }
        if (sender != null) {
            wake.release();
            try {
                sender.join(settings.timeout().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the database pool do. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** Looks for due deliveries now rather than at the next poll, e.g. after "retry now". */
    void wakeUp() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                while (running && sendNext()) {
                    // send whatever is due before sleeping
                }
            } catch (RuntimeException e) {
                log.warn("Delivery sender could not read the outbox: {}", e.toString());
            }
            try {
                wake.tryAcquire(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Claims and sends one due delivery. @return whether there was one */
    boolean sendNext() {
        Map<String, URI> targets = receivers.stream()
                .filter(r -> r.url().isPresent())
                .collect(Collectors.toMap(Receiver::name, r -> r.url().orElseThrow()));
        Map<String, Receiver> byName =
                receivers.stream().collect(Collectors.toMap(Receiver::name, Function.identity()));
        Instant now = clock.instant();
        Optional<DeliveryView> claimed = outbox.claim(targets.keySet(), now, settings.lease());
        if (claimed.isEmpty()) {
            return false;
        }
        DeliveryView d = claimed.get();
        Outcome outcome = send(byName.get(d.receiver()), targets.get(d.receiver()), d);
        Instant done = clock.instant();
        if (outcome.acknowledged()) {
            outbox.delivered(d.id(), outcome.status(), done);
        } else {
            Instant next = done.plus(settings.backoff(d.attempts()));
            outbox.failed(d.id(), outcome.status(), outcome.error(), next);
            log.info(
                    "Delivery {} ({} {} to {}) failed at attempt {}: {}; next attempt at {}",
                    d.id(),
                    d.kind(),
                    d.eventId(),
                    d.receiver(),
                    d.attempts(),
                    outcome.error(),
                    next);
        }
        return true;
    }

    private record Outcome(boolean acknowledged, Integer status, String error) {}

    private Outcome send(Receiver receiver, URI url, DeliveryView d) {
        byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", d.eventId().toString())
                .header("X-Event-Id", d.eventId().toString())
                .header("X-Event-Type", d.kind())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        receiver.headers(body, clock.instant()).forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(true, status, null);
            }
            String text = response.body() == null ? "" : response.body().strip();
            return new Outcome(false, status, "HTTP " + status + (text.isEmpty() ? "" : ": " + abbreviate(text)));
        } catch (HttpTimeoutException e) {
            return new Outcome(false, null, "no answer within " + settings.timeout());
        } catch (IOException e) {
            return new Outcome(false, null, "cannot reach " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "interrupted");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
