package org.onegrid.incident.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Working time (工作时) spent in each stage so far, summed over repeats (a return, a rework, a reopen), for the
 * assessment of who took how long.
 */
public record StageTimes(Duration accept, Duration handle, Duration verify) {

    public static final StageTimes NONE = new StageTimes(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public StageTimes {
        Objects.requireNonNull(accept, "accept");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(verify, "verify");
    }

    public Duration of(Stage stage) {
        return switch (stage) {
            case ACCEPT -> accept;
            case HANDLE -> handle;
            case VERIFY -> verify;
        };
    }

    StageTimes plus(Stage stage, Duration spent) {
        return switch (stage) {
            case ACCEPT -> new StageTimes(accept.plus(spent), handle, verify);
            case HANDLE -> new StageTimes(accept, handle.plus(spent), verify);
            case VERIFY -> new StageTimes(accept, handle, verify.plus(spent));
        };
    }
}
