package org.danvan.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.EventSchemas;
import org.danvan.contracts.Topics;

/**
 * An event waiting inside its aggregate's document until the {@link OutboxRelay} has published it. It is
 * written in the same single-document write as the state change that caused it, so neither can exist
 * without the other (no dual write, no transaction needed). The data is checked against its schema here,
 * before anything is stored, so an invalid event can never reach the topic. {@code traceparent} keeps the
 * trace of the request that caused the event, so its publication and consumption join that trace.
 */
public record OutboxEvent(String eventId, String type, String topic, String key, Instant time, String data,
        String traceparent) {

    public static OutboxEvent of(String type, String aggregateId, Object payload) {
        byte[] json = EventJson.write(payload);
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), "outbox", type, aggregateId, Instant.now(), json);
        EventSchemas.requireValid(event);
        return new OutboxEvent(event.id(), type, Topics.forEventType(type).name(), aggregateId, event.time(),
                new String(json, StandardCharsets.UTF_8), TraceParent.current());
    }

    CloudEvent toCloudEvent(String source) {
        return new CloudEvent(eventId, source, type, key, time, data.getBytes(StandardCharsets.UTF_8));
    }
}
