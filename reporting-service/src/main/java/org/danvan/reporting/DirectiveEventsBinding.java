package org.danvan.reporting;

import java.util.List;
import java.util.function.Consumer;

import org.danvan.contracts.CloudEvent;
import org.danvan.support.events.InboundEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds the directive topic ({@code directiveEvents-in-0}) to every {@link DirectiveEventHandler}. */
@Configuration(proxyBeanMethods = false)
class DirectiveEventsBinding {

    @Bean
    Consumer<Message<byte[]>> directiveEvents(List<DirectiveEventHandler> handlers, InboundEventReader events) {
        return message -> {
            CloudEvent event = events.read(message);
            handlers.forEach(handler -> handler.consume(event));
        };
    }
}
