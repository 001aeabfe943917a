package org.danvan.contracts;

import java.time.Duration;
import java.util.List;

/**
 * One Kafka topic of the platform: its name, who writes it (exactly one writer), what the record key is,
 * which CloudEvent types it carries, how it is laid out and how long it keeps its records ({@code retention};
 * null keeps them forever).
 */
public record Topic(
        String name,
        String writer,
        String key,
        List<String> eventTypes,
        int partitions,
        boolean compacted,
        Duration retention) {

    /** Dead letters are kept 30 days, long enough to inspect and replay them. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    public Topic {
        eventTypes = List.copyOf(eventTypes);
    }

    /** An event topic: it keeps every record, because the consumers rebuild their state from it. */
    public Topic(String name, String writer, String key, List<String> eventTypes, int partitions, boolean compacted) {
        this(name, writer, key, eventTypes, partitions, compacted, null);
    }

    /** Kafka's {@code retention.ms}: -1 for a topic that keeps its records forever. */
    public long retentionMs() {
        return retention == null ? -1 : retention.toMillis();
    }

    public boolean carries(String eventType) {
        return eventTypes.contains(eventType);
    }
}
