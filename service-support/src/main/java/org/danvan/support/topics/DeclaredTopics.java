package org.danvan.support.topics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.danvan.contracts.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Gives the topics a service reads and writes the layout their contract declares, before its bindings start:
 * a missing topic is created with its partitions, clean-up policy and retention (event topics keep every record,
 * dead letters a month); an existing one with fewer partitions is reported and, unless it is compacted, raised,
 * and one that keeps its records for less time than declared gets the declared retention. Without this the binder would create a topic it reads with
 * one partition, so that one consumer thread does all the work.
 * <p>
 * {@code danvan_topic_partitions_missing{topic}} is how many partitions a topic still lacks (0 when it has
 * its declared count; -1 when the broker could not tell).
 */
public class DeclaredTopics implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DeclaredTopics.class);

    private final Map<String, Object> adminConfig;
    private final List<Topic> topics;
    private final TopicProperties properties;
    private final Map<String, Integer> missing = new ConcurrentHashMap<>();

    public DeclaredTopics(Map<String, Object> adminConfig, List<Topic> topics, TopicProperties properties,
            MeterRegistry meters) {
        this.adminConfig = adminConfig;
        this.topics = topics;
        this.properties = properties;
        for (Topic topic : topics) {
            missing.put(topic.name(), -1);
            // held strongly: a gauge keeps only a weak reference by default, and reads NaN once its map is collected
            Gauge.builder("danvan.topic.partitions.missing", missing, m -> m.get(topic.name())).strongReference(true)
                    .description("Partitions a topic lacks against its contract (-1: unknown)")
                    .tag("topic", topic.name()).register(meters);
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        provision();
    }

    /** Creates, checks and where safe raises every topic; a broker that does not answer is logged, not fatal. */
    public void provision() {
        Admin admin = Admin.create(adminConfig);
        try {
            for (Topic topic : topics) {
                Optional<Integer> partitions = partitions(admin, topic.name());
                int actual = partitions.isPresent() ? partitions.get() : create(admin, topic);
                if (actual < topic.partitions()) {
                    actual = raise(admin, topic, actual);
                }
                if (partitions.isPresent()) {
                    keepLongEnough(admin, topic);
                }
                missing.put(topic.name(), Math.max(0, topic.partitions() - actual));
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.error("could not give the topics their declared partitions; the service goes on and the binder "
                    + "creates missing topics with its defaults: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // without a timeout, closing waits for calls to a broker that does not answer
            admin.close(properties.timeout());
        }
    }

    private Optional<Integer> partitions(Admin admin, String name) throws ExecutionException, TimeoutException,
            InterruptedException {
        try {
            return Optional.of(await(admin.describeTopics(List.of(name)).allTopicNames()).get(name).partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates the topic; returns its partitions. */
    private int create(Admin admin, Topic topic) throws ExecutionException, TimeoutException, InterruptedException {
        Optional<Short> replicas = properties.replicationFactor() < 0 ? Optional.empty()
                : Optional.of(properties.replicationFactor());
        NewTopic newTopic = new NewTopic(topic.name(), Optional.of(topic.partitions()), replicas);
        newTopic.configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retentionMs())));
        try {
            await(admin.createTopics(List.of(newTopic)).all());
            log.info("created topic {} with {} partitions", topic.name(), topic.partitions());
            return topic.partitions();
        } catch (ExecutionException e) {
            // another service (or the binder) created it at the same moment
            if (e.getCause() instanceof TopicExistsException) {
                return partitions(admin, topic.name()).orElse(topic.partitions());
            }
            throw e;
        }
    }

    private int raise(Admin admin, Topic topic, int actual) throws ExecutionException, TimeoutException,
            InterruptedException {
        if (topic.compacted() || !properties.increasePartitions()) {
            log.warn("topic {} has {} partitions where its contract declares {}; not raised ({}): recreate it or "
                    + "raise it by hand", topic.name(), actual, topic.partitions(),
                    topic.compacted() ? "compacted: a key's new records would land beside its old ones"
                            : "danvan.topics.increase-partitions=false");
            return actual;
        }
        await(admin.createPartitions(Map.of(topic.name(), NewPartitions.increaseTo(topic.partitions()))).all());
        log.warn("topic {} had {} partitions where its contract declares {}; raised to {} (records written from now "
                + "on may go to another partition than their key's earlier ones)", topic.name(), actual,
                topic.partitions(), topic.partitions());
        return topic.partitions();
    }

    /**
     * An existing topic that would drop records sooner than its contract says (the broker's default of a week for a
     * topic the binder made) gets the declared retention: consumers rebuild from event topics, so losing their old
     * records loses figures. A topic kept longer than declared is left as it is.
     */
    private void keepLongEnough(Admin admin, Topic topic) throws ExecutionException, TimeoutException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        long actual = Long.parseLong(await(admin.describeConfigs(List.of(resource)).all()).get(resource)
                .get(TopicConfig.RETENTION_MS_CONFIG).value());
        long declared = topic.retentionMs();
        if (actual == declared || actual < 0 || (declared >= 0 && actual > declared)) {
            return;
        }
        await(admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(declared)), AlterConfigOp.OpType.SET)))).all());
        log.warn("topic {} kept its records {} ms where its contract declares {}; raised to that", topic.name(), actual,
                declared < 0 ? "forever" : declared + " ms");
    }

    private <T> T await(KafkaFuture<T> future) throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
