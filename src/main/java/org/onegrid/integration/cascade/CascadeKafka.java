package org.onegrid.integration.cascade;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizationTransport;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka transport of the cascade ({@code onegrid.cascade.transport=kafka}): Spring Modulith's event
 * externalisation publishes every {@link CascadeEvent} (annotated {@code @Externalized}) to {@code
 * onegrid.cascade.topic} once its transaction committed, from the event publication registry, which keeps it until
 * Kafka acknowledged it. The record's key and its {@code X-Event-Id} header are the event id, the value the event as
 * JSON. Broker settings are Spring Boot's {@code spring.kafka.*}; the producer is idempotent and waits for all
 * in-sync replicas. Publications leave independently of each other, so a consumer puts one subject's events (an
 * incident's) in order by their {@code sequence}, as the HTTP outbox does before it sends.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "onegrid.cascade.transport", havingValue = "kafka")
class CascadeKafka {

    @Bean
    EventExternalizationConfiguration cascadeExternalization(CascadeSettings settings) {
        return EventExternalizationConfiguration.externalizing()
                .select(EventExternalizationConfiguration.annotatedAsExternalized())
                .route(
                        CascadeEvent.class,
                        event -> RoutingTarget.forTarget(settings.topic())
                                .andKey(event.eventId().toString()))
                .build();
    }

    @Bean
    KafkaTemplate<String, String> cascadeKafkaTemplate(KafkaProperties properties) {
        Map<String, Object> producer = new LinkedHashMap<>(properties.buildProducerProperties());
        producer.put("key.serializer", StringSerializer.class);
        producer.put("value.serializer", StringSerializer.class);
        producer.put("enable.idempotence", true);
        producer.put("acks", "all");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
    }

    @Bean
    EventExternalizerModuleListener cascadeExternalizer(
            EventExternalizationConfiguration cascadeExternalization,
            KafkaTemplate<String, String> cascadeKafkaTemplate,
            JsonMapper json) {
        EventExternalizationTransport transport = (payload, target) -> {
            CascadeEvent event = (CascadeEvent) payload;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("eventId", event.eventId());
            body.put("type", event.type());
            body.put("occurredAt", event.occurredAt());
            body.put("subject", event.subject());
            body.put("sequence", event.sequence());
            body.put("data", event.data());
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(target.getTarget(), event.eventId().toString(), json.writeValueAsString(body));
            record.headers().add("X-Event-Id", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("X-Event-Type", event.type().getBytes(StandardCharsets.UTF_8));
            return cascadeKafkaTemplate.send(record);
        };
        return new EventExternalizerModuleListener(cascadeExternalization, transport);
    }
}
