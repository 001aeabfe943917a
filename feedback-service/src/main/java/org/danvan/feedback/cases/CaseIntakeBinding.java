package org.danvan.feedback.cases;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.feedback.CaseSubmitted;
import org.danvan.support.events.InboundEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds the intake topic ({@code caseIntake-in-0}): each valid submission becomes one case; an invalid one
 * (broken envelope or schema, unknown area) goes to the dead-letter topic with the reason.
 */
@Configuration(proxyBeanMethods = false)
class CaseIntakeBinding {

    @Bean
    Consumer<Message<byte[]>> caseIntake(CaseFiling filing, InboundEventReader events, MeterRegistry meters) {
        return message -> {
            var event = events.read(message);
            boolean filed = filing.fileFromIntake(event.source(), EventJson.read(event.data(), CaseSubmitted.class));
            meters.counter("danvan.events.consumed", "type", event.type(), "outcome", filed ? "applied" : "duplicate").increment();
        };
    }
}
