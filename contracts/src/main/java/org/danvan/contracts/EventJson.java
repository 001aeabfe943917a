package org.danvan.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of event data: ISO dates, absent optional fields left out, unknown fields tolerated when
 * reading (a newer producer may add optional fields within the same type version).
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static byte[] write(Object data) {
        return MAPPER.writeValueAsBytes(data);
    }

    public static <T> T read(byte[] data, Class<T> type) {
        try {
            return MAPPER.readValue(data, type);
        } catch (JacksonException e) {
            throw new InvalidEventException(java.util.List.of("data cannot be read as " + type.getSimpleName()
                    + ": " + e.getOriginalMessage()));
        }
    }
}
