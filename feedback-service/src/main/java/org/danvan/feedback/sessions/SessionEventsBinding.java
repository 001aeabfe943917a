package org.danvan.feedback.sessions;

import java.util.function.Consumer;

import org.danvan.contracts.EventJson;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.contracts.feedback.SessionHeld;
import org.danvan.feedback.petitions.Petitions;
import org.danvan.support.events.InboundEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds the service's own session topic ({@code sessionEvents-in-0}): a dialogue held about a petition
 * fulfils the petition's dialogue duty, as a step of its own after the session's write.
 */
@Configuration(proxyBeanMethods = false)
class SessionEventsBinding {

    @Bean
    Consumer<Message<byte[]>> sessionEvents(SessionRepository sessions, Petitions petitions, InboundEventReader events) {
        return message -> {
            var event = events.read(message);
            if (!FeedbackContract.SESSION_HELD.equals(event.type())) {
                return;
            }
            SessionHeld held = EventJson.read(event.data(), SessionHeld.class);
            if (SessionKind.DIALOGUE.name().equals(held.kind())) {
                sessions.findById(held.sessionId()).filter(s -> s.petitionId != null)
                        .ifPresent(s -> petitions.dialogueHeld(s.petitionId, s.heldOn));
            }
        };
    }
}
