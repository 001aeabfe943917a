package org.danvan.reporting.aggregates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.InvalidEventException;
import org.danvan.support.events.InboundEventReader;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A polled batch of records ({@code batch-mode: true}) as validated CloudEvents. A record that breaks the
 * contract ends the batch there: the records before it are handled, and the binder is told its index, so it
 * goes to the dead-letter topic alone and the records after it come again.
 */
public final class EventBatches {

    private EventBatches() {
    }

    /**
     * Reads every record (each checked by {@code check} too) and hands the valid prefix to {@code handler}; throws
     * {@link BatchListenerFailedException} at the first invalid record, after the prefix is handled.
     */
    @SuppressWarnings("unchecked")
    public static void handle(Message<List<byte[]>> batch, InboundEventReader reader, Consumer<CloudEvent> check,
            Consumer<List<CloudEvent>> handler) {
        List<byte[]> payloads = batch.getPayload();
        List<Map<String, Object>> headers = (List<Map<String, Object>>) batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<?> topics = batch.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, List.class);
        List<CloudEvent> events = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            MessageBuilder<byte[]> record = MessageBuilder.withPayload(payloads.get(i));
            if (headers != null && i < headers.size()) {
                record.copyHeaders(headers.get(i));
            }
            if (topics != null && i < topics.size()) {
                record.setHeader(KafkaHeaders.RECEIVED_TOPIC, topics.get(i));
            }
            try {
                CloudEvent event = reader.read(record.build());
                check.accept(event);
                events.add(event);
            } catch (InvalidEventException e) {
                if (!events.isEmpty()) {
                    handler.accept(events);
                }
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        if (!events.isEmpty()) {
            handler.accept(events);
        }
    }
}
