package org.danvan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Spring's commons-logging messages are rendered only at a level Logback writes, and warnings still reach it. */
class CommonsLoggingTest {

    @Test
    void aDebugMessageIsNotBuiltWhenDebugIsOffAndAWarningIsWritten() {
        Logger logback = (Logger) LoggerFactory.getLogger("org.danvan.gateway.CommonsLoggingTest.bridge");
        logback.setLevel(Level.INFO);
        ListAppender<ILoggingEvent> written = new ListAppender<>();
        written.start();
        logback.addAppender(written);
        AtomicInteger rendered = new AtomicInteger();
        Object message = new Object() {
            @Override
            public String toString() {
                rendered.incrementAndGet();
                return "Request 'GET /api/v1/units' doesn't match 'POST /api/v1/cases'";
            }
        };

        Log log = LogFactory.getLog(logback.getName());
        log.debug(message);
        log.warn(message);

        assertThat(rendered).hasValue(1);
        assertThat(written.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Level.WARN, message.toString()));
    }
}
