package org.danvan.feedback.units;

import java.util.function.Consumer;

import org.danvan.support.events.InboundEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds the unit topic ({@code unitEvents-in-0}) to the {@link UnitDirectory}. */
@Configuration(proxyBeanMethods = false)
class UnitEventsBinding {

    @Bean
    Consumer<Message<byte[]>> unitEvents(UnitDirectory directory, InboundEventReader events) {
        return message -> directory.consume(events.read(message));
    }
}
