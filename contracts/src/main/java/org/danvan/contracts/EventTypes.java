package org.danvan.contracts;

/**
 * Stable logical CloudEvent types ({@code danvan.<aggregate>.<event>.v<N>}). These strings are the wire
 * contract: a Java class name never appears on the wire.
 */
public final class EventTypes {

    public static final String DIRECTIVE_ISSUED = "danvan.directive.issued.v1";

    private EventTypes() {
    }

    /** Classpath location of the JSON Schema of an event type's data. */
    public static String schemaResource(String eventType) {
        return "schemas/" + eventType + ".json";
    }
}
