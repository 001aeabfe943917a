package org.danvan.reporting.aggregates;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.danvan.contracts.InvalidEventException;
import org.danvan.contracts.reporting.ReportingContract;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ConsumerEndpointCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.kafka.inbound.KafkaMessageDrivenChannelAdapter;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens when a polled batch ({@code batch-mode}) fails. The binder hands a batch's failure to the binding's
 * error channel, which dead-letters the failed record and lets the container commit the whole poll, so the records
 * after it were lost: a replay into a new generation of the figures found the units after a broken one missing.
 * Here the batch bindings have no error channel, and their container's error handler ({@code batchErrorHandler},
 * named by each binding's {@code common-error-handler-bean-name}) commits the records before the failed one,
 * dead-letters a record that breaks the contract at once (with its reason in the {@code x-exception-*} headers, as
 * the binder's dead letters carry it) and polls the records after it again. Any other failure (the store out of
 * reach) retries the batch, backing off to a minute between attempts, until it goes through: nothing the topics
 * hold is skipped or dead-lettered for a failure of this service's own.
 */
@Configuration(proxyBeanMethods = false)
class BatchFailures {

    private static final long FIRST_RETRY_MILLIS = 200;
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    /** The batch bindings' adapters hand failures to the container, not to an error channel. */
    @Bean
    ConsumerEndpointCustomizer<KafkaMessageDrivenChannelAdapter<?, ?>> batchFailuresToTheContainer(BindingServiceProperties bindings) {
        return (adapter, destination, group) -> {
            if (batchBinding(bindings, destination, group)) {
                adapter.setErrorChannel(null);
            }
        };
    }

    @Bean
    DefaultErrorHandler batchErrorHandler(ProducerFactory<?, ?> producers) {
        // the records as they were read: key and value bytes
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        ProducerFactory<byte[], byte[]> raw = new DefaultKafkaProducerFactory<>(config);
        // the contract's dead-letter topic has one partition
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(raw),
                (record, failure) -> new TopicPartition(ReportingContract.DEAD_LETTERS.name(), 0));
        deadLetters.setHeadersFunction(BatchFailures::reason);
        ExponentialBackOff backOff = new ExponentialBackOff(FIRST_RETRY_MILLIS, 2);
        backOff.setMaxInterval(LONGEST_WAIT.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    private static boolean batchBinding(BindingServiceProperties bindings, String destination, String group) {
        return bindings.getBindings().values().stream().anyMatch(binding -> destination.equals(binding.getDestination())
                && group != null && group.equals(binding.getGroup()) && consumerInBatches(binding));
    }

    private static boolean consumerInBatches(BindingProperties binding) {
        return binding.getConsumer() != null && binding.getConsumer().isBatchMode();
    }

    /** The reason, in the headers every dead letter of this service carries. */
    private static Headers reason(ConsumerRecord<?, ?> record, Exception failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof InvalidEventException)) {
            cause = cause.getCause();
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add("x-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("x-exception-fqcn", cause.getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add("x-exception-message", String.valueOf(cause.getMessage()).getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
