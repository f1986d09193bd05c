package org.onegrid.incident.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of an {@link Incident} (事件编号), chosen by the caller so that intake can be idempotent. */
public record IncidentId(UUID value) {

    public IncidentId {
        Objects.requireNonNull(value, "value");
    }

    public static IncidentId random() {
        return new IncidentId(UUID.randomUUID());
    }

    public static IncidentId of(String text) {
        return new IncidentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
