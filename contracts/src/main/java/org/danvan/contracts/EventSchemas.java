package org.danvan.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Validates event data against the JSON Schema kept in this module for its type. */
public final class EventSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Every violation of the schema of {@code eventType}; empty when the data is valid. */
    public static List<String> violations(String eventType, byte[] data) {
        Schema schema = schemaOf(eventType);
        if (schema == null) {
            return List.of("unknown event type " + eventType);
        }
        JsonNode node;
        try {
            node = JSON.readTree(data);
        } catch (JacksonException e) {
            return List.of("data is not JSON: " + e.getOriginalMessage());
        }
        return schema.validate(node).stream().map(Error::toString).toList();
    }

    /** Throws {@link InvalidEventException} unless the event's data satisfies its type's schema. */
    public static void requireValid(CloudEvent event) {
        List<String> violations = violations(event.type(), event.data());
        if (!violations.isEmpty()) {
            throw new InvalidEventException(violations);
        }
    }

    public static boolean isKnown(String eventType) {
        return schemaOf(eventType) != null;
    }

    private static Schema schemaOf(String eventType) {
        if (eventType == null || !eventType.matches("danvan\\.[a-z-]+\\.[a-z-]+\\.v\\d+")) {
            return null;
        }
        return SCHEMAS.computeIfAbsent(eventType, EventSchemas::load);
    }

    private static Schema load(String eventType) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(EventTypes.schemaResource(eventType))) {
            return in == null ? null : REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
