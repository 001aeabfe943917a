package org.danvan.reporting.events;

import java.nio.charset.StandardCharsets;

import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventSchemas;
import org.danvan.contracts.KafkaCloudEvents;
import org.springframework.messaging.Message;

/**
 * Turns a consumed record into a validated CloudEvent. A record that breaks the envelope or its type's schema
 * raises {@link org.danvan.contracts.InvalidEventException}, which the binder sends to the dead-letter topic
 * with the reasons, without retrying.
 */
public final class InboundEvents {

    private InboundEvents() {
    }

    public static CloudEvent read(Message<byte[]> message) {
        CloudEvent event = KafkaCloudEvents.read(name -> {
            Object value = message.getHeaders().get(name);
            if (value instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            return value == null ? null : value.toString();
        }, message.getPayload());
        EventSchemas.requireValid(event);
        return event;
    }
}
