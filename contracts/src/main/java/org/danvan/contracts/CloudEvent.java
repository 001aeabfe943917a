package org.danvan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event whose data is JSON. On Kafka it travels in binary mode: attributes as
 * {@code ce_*} headers, data as the record value, subject (the aggregate id) as the record key.
 */
public record CloudEvent(String id, String source, String type, String subject, Instant time, byte[] data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
