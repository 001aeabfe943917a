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

    /** A polled batch at a time ({@code batch-mode}): its revisions are recomputed into the totals together. */
    @Bean
    Consumer<Message<List<byte[]>>> reportEvents(AggregateEvents aggregates, InboundEventReader events) {
        return batch -> EventBatches.handle(batch, events, AggregateEvents::requireValid, aggregates::consumeReports);
    }

    /** A polled batch at a time ({@code batch-mode}): the chains its units change are recomputed once. */
    @Bean
    Consumer<Message<List<byte[]>>> unitEvents(AggregateEvents aggregates, InboundEventReader events) {
        return batch -> EventBatches.handle(batch, events, event -> { }, aggregates::consumeUnits);
    }
}
