package org.danvan.reporting.duties;

import java.util.function.Consumer;

import org.danvan.support.events.InboundEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds the directive topic ({@code directiveDutyEvents-in-0}, its own consumer group) to {@link DirectiveDuties}:
 * the duties keep their own offsets, independent of the targets read from the same topic.
 */
@Configuration(proxyBeanMethods = false)
class DirectiveDutiesBinding {

    @Bean
    Consumer<Message<byte[]>> directiveDutyEvents(DirectiveDuties duties, InboundEventReader events) {
        return message -> duties.consume(events.read(message));
    }
}
