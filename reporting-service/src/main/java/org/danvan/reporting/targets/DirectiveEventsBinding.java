package org.danvan.reporting.targets;

import java.util.function.Consumer;

import org.danvan.support.events.InboundEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds the directive topic ({@code directiveEvents-in-0}) to {@link DirectiveTargets}. */
@Configuration(proxyBeanMethods = false)
class DirectiveEventsBinding {

    @Bean
    Consumer<Message<byte[]>> directiveEvents(DirectiveTargets targets, InboundEventReader events) {
        return message -> targets.consume(events.read(message));
    }
}
