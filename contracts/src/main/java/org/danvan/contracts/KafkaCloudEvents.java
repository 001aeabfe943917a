package org.danvan.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The Kafka protocol binding of CloudEvents 1.0, binary content mode. */
public final class KafkaCloudEvents {

    public static final String SPECVERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private KafkaCloudEvents() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, CloudEvent event) {
        return new ProducerRecord<>(topic, null, event.subject(), event.data(), headersOf(event));
    }

    public static Headers headersOf(CloudEvent event) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, SPECVERSION, CloudEvent.SPEC_VERSION);
        put(headers, ID, event.id());
        put(headers, SOURCE, event.source());
        put(headers, TYPE, event.type());
        if (event.subject() != null) {
            put(headers, SUBJECT, event.subject());
        }
        if (event.time() != null) {
            put(headers, TIME, event.time().toString());
        }
        put(headers, CONTENT_TYPE, CloudEvent.CONTENT_TYPE);
        return headers;
    }

    /**
     * Reads the envelope from header values (as Kafka or a messaging framework hands them over).
     * Every missing or malformed attribute is reported, not only the first.
     */
    public static CloudEvent read(HeaderLookup headers, byte[] value) {
        List<String> problems = new ArrayList<>();
        String specVersion = headers.get(SPECVERSION);
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            problems.add("header " + SPECVERSION + " must be 1.0 but was " + specVersion);
        }
        String id = required(headers, ID, problems);
        String source = required(headers, SOURCE, problems);
        String type = required(headers, TYPE, problems);
        String contentType = headers.get(CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(CloudEvent.CONTENT_TYPE)) {
            problems.add("header " + CONTENT_TYPE + " must be application/json but was " + contentType);
        }
        Instant time = null;
        String rawTime = headers.get(TIME);
        if (rawTime != null) {
            try {
                time = Instant.parse(rawTime);
            } catch (DateTimeParseException e) {
                problems.add("header " + TIME + " is not an RFC 3339 timestamp: " + rawTime);
            }
        }
        if (value == null || value.length == 0) {
            problems.add("the record has no data");
        }
        if (!problems.isEmpty()) {
            throw new InvalidEventException(problems);
        }
        return new CloudEvent(id, source, type, headers.get(SUBJECT), time, value);
    }

    public static CloudEvent read(Headers headers, byte[] value) {
        return read(name -> {
            Header header = headers.lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }, value);
    }

    private static String required(HeaderLookup headers, String name, List<String> problems) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            problems.add("header " + name + " is missing");
        }
        return value;
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Access to string header values, whatever carries them. */
    @FunctionalInterface
    public interface HeaderLookup {
        String get(String name);
    }
}
