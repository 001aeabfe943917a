package org.danvan.reporting.cases;

import java.util.function.Consumer;

import org.danvan.support.events.InboundEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds the case topic ({@code caseEvents-in-0}) to {@link CaseFacts}. */
@Configuration(proxyBeanMethods = false)
class CaseEventsBinding {

    @Bean
    Consumer<Message<byte[]>> caseEvents(CaseFacts facts, InboundEventReader events) {
        return message -> facts.consume(events.read(message));
    }
}
