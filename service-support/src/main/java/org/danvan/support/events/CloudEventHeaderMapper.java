package org.danvan.support.events;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.danvan.contracts.KafkaCloudEvents;
import org.springframework.cloud.stream.binder.BinderHeaders;
import org.springframework.cloud.stream.binder.kafka.common.BinderHeaderMapper;

/**
 * The Kafka binder's header mapper, with the CloudEvents binary-mode headers read as the text they are.
 * <p>
 * Other systems write {@code content-type} and the {@code ce_*} attributes as plain UTF-8 bytes, without the
 * binder's JSON type header, so the binder's own mapper hands them over as {@code byte[]}. Spring Cloud
 * Function then sees a CloudEvent, reads {@code content-type} with {@code toString()} ({@code "[B@…"}) and
 * throws and swallows an {@code InvalidMimeTypeException} for every consumed record. Registered as the bean
 * {@code kafkaBinderHeaderMapper}, which the binder uses in place of its default.
 */
public class CloudEventHeaderMapper extends BinderHeaderMapper {

    static final List<String> TEXT_HEADERS = List.of(KafkaCloudEvents.CONTENT_TYPE, KafkaCloudEvents.SPECVERSION,
            KafkaCloudEvents.ID, KafkaCloudEvents.SOURCE, KafkaCloudEvents.TYPE, KafkaCloudEvents.SUBJECT,
            KafkaCloudEvents.TIME);

    public CloudEventHeaderMapper() {
        TEXT_HEADERS.forEach(name -> addRawMappedHeader(name, true));
    }

    /** As the binder's default mapper: tells the binder the record carried native headers. */
    @Override
    public void toHeaders(Headers source, Map<String, Object> headers) {
        super.toHeaders(source, headers);
        if (!headers.isEmpty()) {
            headers.put(BinderHeaders.NATIVE_HEADERS_PRESENT, Boolean.TRUE);
        }
    }
}
