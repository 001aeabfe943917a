package org.danvan.contracts;

import java.util.List;

/**
 * One Kafka topic of the platform: its name, who writes it (exactly one writer), what the record key is,
 * which CloudEvent types it carries and how it is laid out.
 */
public record Topic(
        String name,
        String writer,
        String key,
        List<String> eventTypes,
        int partitions,
        boolean compacted) {

    public Topic {
        eventTypes = List.copyOf(eventTypes);
    }

    public boolean carries(String eventType) {
        return eventTypes.contains(eventType);
    }
}
