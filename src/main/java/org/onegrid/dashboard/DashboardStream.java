package org.onegrid.dashboard;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboards watching, each for a region path, told by server-sent events when incidents in their region
 * changed. Debounced: changes are gathered and sent at most once per {@code onegrid.dashboard.debounce} (2 s),
 * so a burst of actions (or the overdue scan) costs each screen one refetch.
 */
@Component
class DashboardStream {

    /** A watching screen; the emitter lives until the browser goes away or the timeout. */
    private record Watcher(SseEmitter emitter, String scopePath) {}

    private final CopyOnWriteArrayList<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final Set<String> changedPaths = new HashSet<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-stream");
        t.setDaemon(true);
        return t;
    });
    private final long debounceMillis;
    private boolean scheduled;

    DashboardStream(@Value("${onegrid.dashboard.debounce:2s}") Duration debounce) {
        this.debounceMillis = debounce.toMillis();
        // keeps idle connections (and proxies) alive, and finds browsers that left
        timer.scheduleAtFixedRate(this::ping, 25, 25, TimeUnit.SECONDS);
    }

    SseEmitter watch(String scopePath) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        Watcher watcher = new Watcher(emitter, scopePath);
        watchers.add(watcher);
        emitter.onCompletion(() -> watchers.remove(watcher));
        emitter.onTimeout(() -> watchers.remove(watcher));
        emitter.onError(e -> watchers.remove(watcher));
        send(watcher, SseEmitter.event().name("hello").data("{}", MediaType.APPLICATION_JSON));
        return emitter;
    }

    /** Incidents under these region paths changed; the watchers of those regions hear of it within the debounce. */
    void changed(Collection<String> regionPaths) {
        synchronized (changedPaths) {
            changedPaths.addAll(regionPaths);
            if (!scheduled) {
                scheduled = true;
                timer.schedule(this::flush, debounceMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    int watching() {
        return watchers.size();
    }

    private void flush() {
        Set<String> paths;
        synchronized (changedPaths) {
            paths = Set.copyOf(changedPaths);
            changedPaths.clear();
            scheduled = false;
        }
        for (Watcher w : watchers) {
            if (paths.stream().anyMatch(p -> p != null && p.startsWith(w.scopePath()))) {
                send(w, SseEmitter.event().name("changed").data("{\"changed\":true}", MediaType.APPLICATION_JSON));
            }
        }
    }

    private void ping() {
        watchers.forEach(w -> send(w, SseEmitter.event().comment("ping")));
    }

    private void send(Watcher w, SseEmitter.SseEventBuilder event) {
        try {
            w.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            watchers.remove(w);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        watchers.forEach(w -> w.emitter().complete());
    }
}
