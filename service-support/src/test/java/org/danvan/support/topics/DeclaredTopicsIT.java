package org.danvan.support.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.danvan.contracts.Topic;
import org.danvan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Topics get the layout their contract declares, on the real broker. */
class DeclaredTopicsIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestInfrastructure.endpoints().kafkaBootstrapServers());
    private Admin admin;

    @BeforeEach
    void connect() {
        admin = Admin.create(config);
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void aMissingTopicIsCreatedWithItsDeclaredPartitionsAndCompaction() throws Exception {
        Topic events = topic("events", 6, false);
        Topic units = topic("units", 4, true);

        provision(events, units);

        assertThat(partitions(events)).isEqualTo(6);
        assertThat(partitions(units)).isEqualTo(4);
        assertThat(config(units, TopicConfig.CLEANUP_POLICY_CONFIG)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(missing(events)).isZero();
        assertThat(missing(units)).isZero();
    }

    @Test
    void anExistingTopicWithFewerPartitionsIsRaisedUnlessCompacted() throws Exception {
        // as the binder auto-creates a topic it reads: one partition
        Topic membership = topic("membership", 6, false);
        Topic units = topic("units", 6, true);
        admin.createTopics(List.of(new NewTopic(membership.name(), 1, (short) 1),
                new NewTopic(units.name(), 1, (short) 1))).all().get();

        provision(membership, units);

        assertThat(partitions(membership)).isEqualTo(6);
        assertThat(missing(membership)).isZero();
        assertThat(partitions(units)).isEqualTo(1);
        assertThat(missing(units)).isEqualTo(5);
    }

    @Test
    void eventTopicsKeepEveryRecordAndDeadLettersAMonth() throws Exception {
        Topic events = topic("events", 2, false);
        Topic deadLetters = new Topic("test.dlq." + run, "test-service", "id", List.of(), 1, false, Topic.DEAD_LETTER_RETENTION);

        provision(events, deadLetters);

        assertThat(config(events, TopicConfig.RETENTION_MS_CONFIG)).isEqualTo("-1");
        assertThat(config(events, TopicConfig.CLEANUP_POLICY_CONFIG)).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
        assertThat(config(deadLetters, TopicConfig.RETENTION_MS_CONFIG)).isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
    }

    @Test
    void anExistingTopicThatWouldDropRecordsTooSoonKeepsThemAsDeclared() throws Exception {
        // as the binder auto-creates a topic: the broker's default retention of a week
        Topic events = topic("events", 1, false);
        Topic deadLetters = new Topic("test.dlq." + run, "test-service", "id", List.of(), 1, false, Topic.DEAD_LETTER_RETENTION);
        Topic keptLonger = new Topic("test.kept." + run, "test-service", "id", List.of(), 1, false, Topic.DEAD_LETTER_RETENTION);
        String week = Long.toString(Duration.ofDays(7).toMillis());
        admin.createTopics(List.of(new NewTopic(events.name(), 1, (short) 1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, week)),
                new NewTopic(deadLetters.name(), 1, (short) 1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, week)),
                new NewTopic(keptLonger.name(), 1, (short) 1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))).all().get();
        partitions(events);

        provision(events, deadLetters, keptLonger);

        assertThat(config(events, TopicConfig.RETENTION_MS_CONFIG)).isEqualTo("-1");
        assertThat(config(deadLetters, TopicConfig.RETENTION_MS_CONFIG)).isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
        assertThat(config(keptLonger, TopicConfig.RETENTION_MS_CONFIG)).isEqualTo("-1");
    }

    @Test
    void raisingCanBeTurnedOff() throws Exception {
        Topic membership = topic("membership", 6, false);
        admin.createTopics(List.of(new NewTopic(membership.name(), 2, (short) 1))).all().get();

        new DeclaredTopics(config, List.of(membership), new TopicProperties((short) -1, false, Duration.ofSeconds(15)),
                meters).provision();

        assertThat(partitions(membership)).isEqualTo(2);
        assertThat(missing(membership)).isEqualTo(4);
    }

    private void provision(Topic... topics) {
        new DeclaredTopics(config, List.of(topics), new TopicProperties((short) -1, true, Duration.ofSeconds(15)), meters)
                .provision();
    }

    private Topic topic(String name, int partitions, boolean compacted) {
        return new Topic("test." + name + "." + run, "test-service", "id", List.of(), partitions, compacted);
    }

    /** The topic's partitions, once the broker's metadata knows the topic. */
    private int partitions(Topic topic) {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> admin.describeTopics(
                List.of(topic.name())).allTopicNames().get().get(topic.name()).partitions().size(), count -> true);
    }

    private String config(Topic topic, String name) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
    }

    private double missing(Topic topic) {
        return meters.get("danvan.topic.partitions.missing").tag("topic", topic.name()).gauge().value();
    }
}
