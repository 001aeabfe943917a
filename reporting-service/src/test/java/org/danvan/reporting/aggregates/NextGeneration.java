package org.danvan.reporting.aggregates;

import java.time.Duration;

import org.danvan.reporting.ReportingServiceApplication;
import org.danvan.testsupport.TestInfrastructureInitializer;
import org.danvan.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * A second instance of the service in this JVM, building another generation of the figures from the topics (a
 * rebuild), on the same broker and store, answering on a port of its own to the caller whose token it is given.
 */
final class NextGeneration implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    /** The instance's API, with the token. */
    final RestTemplate http = new RestTemplate();

    NextGeneration(int generation, Duration catchUpCheck, String token) {
        context = new SpringApplicationBuilder(ReportingServiceApplication.class)
                .initializers(new TestInfrastructureInitializer())
                // arguments: above the service's own configuration, as for a deployment
                .run("--server.port=0", "--danvan.figures.generation=" + generation, "--danvan.figures.caught-up-lag=0",
                        "--danvan.figures.catch-up-check=" + catchUpCheck);
        http.setUriTemplateHandler(new DefaultUriBuilderFactory("http://localhost:" + context.getEnvironment().getProperty("local.server.port")));
        TestTokens.authorize(http, token);
    }

    boolean caughtUp() {
        return context.getBean(FiguresCatchUp.class).caughtUp();
    }

    @Override
    public void close() {
        context.close();
    }
}
