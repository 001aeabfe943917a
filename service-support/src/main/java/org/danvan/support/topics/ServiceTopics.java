package org.danvan.support.topics;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.danvan.contracts.Topic;
import org.danvan.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The topics of the contract a service touches: those it is the one writer of, and those its Spring Cloud
 * Stream bindings read ({@code spring.cloud.stream.bindings.*.destination}).
 */
public final class ServiceTopics {

    private static final Logger log = LoggerFactory.getLogger(ServiceTopics.class);

    private ServiceTopics() {
    }

    /** One binding's destination, a topic or a comma-separated list of topics. */
    record Binding(String destination) {
    }

    public static List<Topic> of(Environment environment) {
        String application = environment.getRequiredProperty("spring.application.name");
        Set<Topic> topics = new LinkedHashSet<>();
        Topics.all().stream().filter(topic -> topic.writer().equals(application)).forEach(topics::add);
        Map<String, Binding> bindings = Binder.get(environment)
                .bind("spring.cloud.stream.bindings", Bindable.mapOf(String.class, Binding.class)).orElse(Map.of());
        bindings.forEach((name, binding) -> {
            if (binding.destination() == null) {
                return;
            }
            Arrays.stream(binding.destination().split(",")).map(String::trim).forEach(destination -> Topics.named(destination)
                    .ifPresentOrElse(topics::add, () -> log.warn("binding {} uses topic {}, which no contract declares: "
                            + "the binder creates it with its own defaults", name, destination)));
        });
        return List.copyOf(topics);
    }
}
