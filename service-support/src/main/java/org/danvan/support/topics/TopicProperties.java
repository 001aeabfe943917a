package org.danvan.support.topics;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service provisions the topics it reads and writes ({@link DeclaredTopics}).
 *
 * @param replicationFactor  replicas of a topic the service creates; -1 takes the broker's default
 * @param increasePartitions raise a topic that has fewer partitions than its contract declares (never a
 *                           compacted one: its records would stop replacing the older ones of their key)
 * @param timeout            how long start-up waits for the broker's answers before it goes on without them
 */
@Validated
@ConfigurationProperties("danvan.topics")
public record TopicProperties(
        @Min(-1) @DefaultValue("-1") short replicationFactor,
        @DefaultValue("true") boolean increasePartitions,
        @NotNull @DefaultValue("15s") Duration timeout) {
}
