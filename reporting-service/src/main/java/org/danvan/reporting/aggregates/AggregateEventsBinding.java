package org.danvan.reporting.aggregates;

import java.util.List;
import java.util.function.Consumer;

import org.danvan.support.events.InboundEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds the report topic ({@code reportEvents-in-0}) and the unit topic ({@code unitEvents-in-0}) to {@link AggregateEvents}. */
@Configuration(proxyBeanMethods = false)
class AggregateEventsBinding {

    @Bean
    Consumer<Message<byte[]>> reportEvents(AggregateEvents aggregates, InboundEventReader events) {
        return message -> aggregates.consumeReports(List.of(events.read(message)));
    }

    @Bean
    Consumer<Message<byte[]>> unitEvents(AggregateEvents aggregates, InboundEventReader events) {
        return message -> aggregates.consumeUnit(events.read(message));
    }
}
