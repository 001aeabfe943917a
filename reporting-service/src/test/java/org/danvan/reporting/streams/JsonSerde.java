package org.danvan.reporting.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.danvan.contracts.EventJson;

/** A record as the platform's event JSON, for the topology's state and repartition topics. */
record JsonSerde<T>(Class<T> type) implements Serde<T> {

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : EventJson.write(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : EventJson.read(bytes, type);
    }
}
