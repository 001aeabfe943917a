package org.danvan.reporting.aggregates;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * How many records the bindings that feed the figures have still to read: for each partition of their topics, the
 * end offset less what their consumer group committed (less the first offset when it committed nothing yet). One
 * admin client asks, from the first question until {@link #close()} (once caught up, or at shutdown).
 */
@Component
class ConsumerLag implements DisposableBean {

    /** The bindings that feed the figures; the directive events feed state every generation shares. */
    static final List<String> FIGURE_BINDINGS = List.of("reportEvents-in-0", "unitEvents-in-0", "caseEvents-in-0",
            "membershipEvents-in-0");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> adminConfig;
    private final BindingServiceProperties bindings;
    private Admin admin;

    ConsumerLag(KafkaAdmin admin, BindingServiceProperties bindings) {
        this.adminConfig = admin.getConfigurationProperties();
        this.bindings = bindings;
    }

    /** Records left to read, summed over the figure bindings' groups and topics. */
    synchronized long figures() throws ExecutionException, TimeoutException, InterruptedException {
        Map<String, List<String>> topicsByGroup = FIGURE_BINDINGS.stream().map(bindings::getBindingProperties)
                .collect(Collectors.groupingBy(BindingProperties::getGroup,
                        Collectors.mapping(BindingProperties::getDestination, Collectors.toList())));
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        long lag = 0;
        for (Map.Entry<String, List<String>> group : topicsByGroup.entrySet()) {
            lag += lag(admin, group.getKey(), group.getValue());
        }
        return lag;
    }

    synchronized void close() {
        if (admin != null) {
            // without a timeout, closing waits for calls to a broker that does not answer
            admin.close(TIMEOUT);
            admin = null;
        }
    }

    @Override
    public void destroy() {
        close();
    }

    private static long lag(Admin admin, String group, List<String> topics)
            throws ExecutionException, TimeoutException, InterruptedException {
        List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .values().stream().flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .toList();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(admin, partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> firsts = offsets(admin, partitions, OffsetSpec.earliest());
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata read = committed.get(partition);
            long from = read == null ? firsts.get(partition).offset() : read.offset();
            lag += Math.max(0, ends.get(partition).offset() - from);
        }
        return lag;
    }

    private static Map<TopicPartition, ListOffsetsResultInfo> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        return new HashMap<>(admin.listOffsets(request).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }
}
