package org.danvan.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at {@link TestInfrastructure}, ahead of every other property source, and gives
 * it the {@link TestClock} as its business clock.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure.Endpoints endpoints = TestInfrastructure.endpoints();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("danvanTestInfrastructure", Map.of(
                "spring.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers(),
                "spring.cloud.stream.kafka.binder.brokers", endpoints.kafkaBootstrapServers(),
                "spring.cloud.stream.kafka.streams.binder.brokers", endpoints.kafkaBootstrapServers(),
                "spring.mongodb.uri", endpoints.mongoUri(),
                "danvan.test.infrastructure", endpoints.kind(),
                // services that are resource servers trust the test issuer's tokens only
                "danvan.security.issuer", TestTokens.ISSUER,
                "danvan.security.public-key-location", TestTokens.publicKeyLocation())));
        // the business clock, which tests may pin (the services' own Clock bean backs off)
        context.getBeanFactory().registerSingleton("businessClock", TestClock.instance());
    }
}
