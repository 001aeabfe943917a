package org.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The membership topic, written by other systems, has the partitions its contract declares once the service
 * started, and the service reads it with more than one consumer thread.
 */
@DanvanIntegrationTest
class ConsumerThreadsIT {

    private static final String MEMBERSHIP = ReportingContract.MEMBERSHIP.name();
    /** The consumer group of the bindings that feed the first generation of the figures. */
    private static final String FIGURES_GROUP = "reporting-service-figures-g1";

    @Test
    void theMembershipTopicHasItsDeclaredPartitionsAndSeveralConsumerThreads() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.endpoints().kafkaBootstrapServers()))) {
            assertThat(admin.describeTopics(List.of(MEMBERSHIP)).allTopicNames().get().get(MEMBERSHIP).partitions())
                    .hasSize(ReportingContract.MEMBERSHIP.partitions());

            // the binder names each consumer thread after its destination (with the partitions it found) and
            // its index in the concurrent container: container-0-C-1, container-1-C-1...
            Set<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(name -> name.contains("consumerDestinationName='" + MEMBERSHIP + "'"))
                    .collect(Collectors.toSet());
            assertThat(threads).hasSizeGreaterThan(1)
                    .allMatch(name -> name.contains("partitions=" + ReportingContract.MEMBERSHIP.partitions()));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(FIGURES_GROUP)).all().get()
                        .get(FIGURES_GROUP);
                assertThat(group.members()).filteredOn(member -> member.assignment().topicPartitions().stream()
                        .anyMatch(partition -> partition.topic().equals(MEMBERSHIP))).hasSizeGreaterThan(1);
            });
        }
    }
}
