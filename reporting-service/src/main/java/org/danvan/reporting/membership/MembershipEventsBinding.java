package org.danvan.reporting.membership;

import java.util.List;
import java.util.function.Consumer;

import org.danvan.reporting.aggregates.EventBatches;

import org.danvan.support.events.InboundEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds the membership topic ({@code membershipEvents-in-0}) to {@link Membership}. */
@Configuration(proxyBeanMethods = false)
class MembershipEventsBinding {

    /** A polled batch at a time ({@code batch-mode}): its branches are read and written once. */
    @Bean
    Consumer<Message<List<byte[]>>> membershipEvents(Membership membership, InboundEventReader events) {
        return batch -> EventBatches.handle(batch, events, Membership::requireValid, membership::consume);
    }
}
