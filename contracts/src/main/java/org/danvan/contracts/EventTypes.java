package org.danvan.contracts;

/**
 * Stable logical CloudEvent types follow {@code danvan.<aggregate>.<event>.v<N>}; each service's contract
 * class declares its own. These strings are the wire contract: a Java class name never appears on the wire.
 */
public final class EventTypes {

    private EventTypes() {
    }

    /** Classpath location of the JSON Schema of an event type's data. */
    public static String schemaResource(String eventType) {
        return "schemas/" + eventType + ".json";
    }
}
