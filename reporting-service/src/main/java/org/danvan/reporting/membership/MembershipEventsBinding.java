package org.danvan.reporting.membership;

import java.util.function.Consumer;

import org.danvan.support.events.InboundEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds the membership topic ({@code membershipEvents-in-0}) to {@link Membership}. */
@Configuration(proxyBeanMethods = false)
class MembershipEventsBinding {

    @Bean
    Consumer<Message<byte[]>> membershipEvents(Membership membership, InboundEventReader events) {
        return message -> membership.consume(events.read(message));
    }
}
