package org.danvan.reporting.targets;

import java.util.function.Consumer;

import org.danvan.reporting.events.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds the directive topic ({@code directiveEvents-in-0}) to {@link DirectiveTargets}. */
@Configuration(proxyBeanMethods = false)
class DirectiveEventsBinding {

    @Bean
    Consumer<Message<byte[]>> directiveEvents(DirectiveTargets targets) {
        return message -> targets.consume(InboundEvents.read(message));
    }
}
