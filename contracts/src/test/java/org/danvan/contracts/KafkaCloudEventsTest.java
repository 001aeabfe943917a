package org.danvan.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.danvan.contracts.directive.DirectiveContract;
import org.junit.jupiter.api.Test;

class KafkaCloudEventsTest {

    @Test
    void roundTripsTheEnvelopeInBinaryMode() {
        CloudEvent event = new CloudEvent("e-1", "/danvan/directive-service", DirectiveContract.DIRECTIVE_ISSUED, "d-1",
                Instant.parse("2021-02-08T01:00:00Z"), "{}".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord("danvan.directives.v1", event);

        assertThat(record.key()).isEqualTo("d-1");
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("danvan.directive.issued.v1");
        CloudEvent read = KafkaCloudEvents.read(record.headers(), record.value());
        assertThat(read.id()).isEqualTo("e-1");
        assertThat(read.subject()).isEqualTo("d-1");
        assertThat(read.time()).isEqualTo(event.time());
        assertThat(read.data()).isEqualTo(event.data());
    }

    @Test
    void reportsEveryMissingAttributeAtOnce() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> KafkaCloudEvents.read(headers, new byte[0]))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.reasons()).containsExactly(
                        "header ce_specversion must be 1.0 but was null",
                        "header ce_id is missing",
                        "header ce_source is missing",
                        "header ce_type is missing",
                        "header ce_time is not an RFC 3339 timestamp: yesterday",
                        "the record has no data"));
    }
}
