package org.danvan.gateway;

import java.time.Duration;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests one route lets through to its service at once, how long a request waits for a place, and how
 * long the gateway waits for a service's answer.
 * Resilience4j's default bulkhead (25 concurrent calls, no wait) turned about 25 cadres opening a dashboard
 * together into 503s; a full bulkhead is back-pressure, not a failing service, so the circuit breaker ignores
 * it ({@code resilience4j.circuitbreaker.configs.default.ignore-exceptions}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackendLimits.Properties.class)
class BackendLimits {

    /**
     * @param maxConcurrentCalls requests one route forwards at once
     * @param maxWait            how long a request beyond that waits for a place before its 503
     * @param responseTimeout    how long a service may take to answer (bulk imports of a national tree take a minute;
     *                           this only guards against a hung service, whose timeouts the circuit breaker counts)
     */
    @Validated
    @ConfigurationProperties("danvan.gateway.backends")
    record Properties(@Positive @DefaultValue("256") int maxConcurrentCalls, @NotNull @DefaultValue("2s") Duration maxWait,
            @NotNull @DefaultValue("120s") Duration responseTimeout) {
    }

    /**
     * The hung-service guard on the connection, in place of Resilience4j's time limiter
     * ({@code spring.cloud.circuitbreaker.resilience4j.disable-time-limiter}): the limiter scheduled and cancelled a
     * timer on Reactor's shared parallel scheduler for every request, the connection's read timeout is a task on the
     * request's own event loop.
     */
    @Bean
    HttpClientCustomizer backendResponseTimeout(Properties properties) {
        return client -> client.responseTimeout(properties.responseTimeout());
    }

    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> routeBulkheads(Properties properties) {
        BulkheadConfig config = BulkheadConfig.custom().maxConcurrentCalls(properties.maxConcurrentCalls())
                .maxWaitDuration(properties.maxWait()).build();
        return provider -> provider.configureDefault(route -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(config).build());
    }
}
