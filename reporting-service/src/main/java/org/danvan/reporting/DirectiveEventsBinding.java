package org.danvan.reporting;

import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.DirectiveRevoked;
import org.danvan.support.events.InboundEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds the directive topic ({@code directiveEvents-in-0}) to every {@link DirectiveEventHandler}. */
@Configuration(proxyBeanMethods = false)
class DirectiveEventsBinding {

    @Bean
    Consumer<Message<byte[]>> directiveEvents(List<DirectiveEventHandler> handlers, InboundEventReader events,
            MeterRegistry meters) {
        return message -> {
            CloudEvent event = events.read(message);
            String outcome = "ignored";
            if (DirectiveContract.DIRECTIVE_ISSUED.equals(event.type()) || DirectiveContract.DIRECTIVE_AMENDED.equals(event.type())) {
                DirectiveIssued directive = EventJson.read(event.data(), DirectiveIssued.class);
                // every handler applies it, even when another already had it
                boolean applied = false;
                for (DirectiveEventHandler handler : handlers) {
                    applied |= handler.apply(event.id(), directive);
                }
                outcome = applied ? "applied" : "duplicate";
            } else if (DirectiveContract.DIRECTIVE_REVOKED.equals(event.type())) {
                DirectiveRevoked revoked = EventJson.read(event.data(), DirectiveRevoked.class);
                boolean applied = false;
                for (DirectiveEventHandler handler : handlers) {
                    applied |= handler.revoke(event.id(), revoked);
                }
                outcome = applied ? "applied" : "duplicate";
            }
            meters.counter("danvan.events.consumed", "type", event.type(), "outcome", outcome).increment();
        };
    }
}
