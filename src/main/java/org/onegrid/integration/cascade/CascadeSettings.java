package org.onegrid.integration.cascade;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cascade to the upper-level platform ({@code onegrid.cascade.*}).
 *
 * @param url where events are posted over HTTP; empty (and no Kafka transport): the cascade is off
 * @param transport {@code http} (default) or {@code kafka}
 * @param topic the Kafka topic, with {@code transport=kafka}
 */
@ConfigurationProperties("onegrid.cascade")
record CascadeSettings(String url, String transport, String topic) {

    static final String KAFKA = "kafka";

    CascadeSettings {
        url = url == null || url.isBlank() ? null : url.strip();
        transport = transport == null || transport.isBlank() ? "http" : transport.strip();
        topic = topic == null || topic.isBlank() ? "onegrid.cascade" : topic.strip();
        if (!transport.equals("http") && !transport.equals(KAFKA)) {
            throw new IllegalArgumentException("onegrid.cascade.transport must be http or kafka, not " + transport);
        }
    }

    boolean kafka() {
        return transport.equals(KAFKA);
    }

    /** Whether events go up at all: to Kafka, or over HTTP to a configured URL. */
    boolean enabled() {
        return kafka() || url != null;
    }
}
