package org.danvan.feedback.cases;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.feedback.CaseMerged;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.support.events.InboundEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds the service's own case topic ({@code caseEvents-in-0}); only the merged events matter here. */
@Configuration(proxyBeanMethods = false)
class CaseEventsBinding {

    @Bean
    Consumer<Message<byte[]>> caseEvents(CaseMerges merges, InboundEventReader events, MeterRegistry meters) {
        return message -> {
            var event = events.read(message);
            if (FeedbackContract.CASE_MERGED.equals(event.type())) {
                boolean applied = merges.apply(EventJson.read(event.data(), CaseMerged.class));
                meters.counter("danvan.events.consumed", "type", event.type(), "outcome", applied ? "applied" : "duplicate")
                        .increment();
            }
        };
    }
}
