package org.danvan.support.events;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventSchemas;
import org.danvan.contracts.InvalidEventException;
import org.danvan.contracts.KafkaCloudEvents;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Turns a consumed record into a validated CloudEvent. A record that breaks the envelope or its type's
 * schema raises {@link InvalidEventException}; bindings declare it not retryable, so the binder sends the
 * record to the service's dead-letter topic with the reasons. Each rejection is counted
 * ({@code danvan_events_rejected_total{topic}}) so operators see dead letters grow.
 */
public class InboundEventReader {

    private static final String KAFKA_ATTRIBUTE_PREFIX = "ce_";
    private static final String CANONICAL_ATTRIBUTE_PREFIX = "ce-";

    private final MeterRegistry meters;

    public InboundEventReader(MeterRegistry meters) {
        this.meters = meters;
    }

    public CloudEvent read(Message<byte[]> message) {
        try {
            CloudEvent event = KafkaCloudEvents.read(name -> header(message, name), message.getPayload());
            EventSchemas.requireValid(event);
            return event;
        } catch (InvalidEventException e) {
            String topic = header(message, KafkaHeaders.RECEIVED_TOPIC);
            Counter.builder("danvan.events.rejected")
                    .description("Consumed records that broke the event contract and went to the dead-letter topic")
                    .tag("topic", topic == null ? "unknown" : topic).register(meters).increment();
            throw e;
        }
    }

    /**
     * A header's text. Spring Cloud Function hands a CloudEvent's attributes to the function under their
     * canonical prefix ({@code ce-id} for the Kafka binding's {@code ce_id}); either spelling is read.
     */
    private static String header(Message<byte[]> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value == null && name.startsWith(KAFKA_ATTRIBUTE_PREFIX)) {
            value = message.getHeaders().get(CANONICAL_ATTRIBUTE_PREFIX + name.substring(KAFKA_ATTRIBUTE_PREFIX.length()));
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
