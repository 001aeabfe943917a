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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests one route lets through to its service at once, and how long a request waits for a place.
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
     */
    @Validated
    @ConfigurationProperties("danvan.gateway.backends")
    record Properties(@Positive @DefaultValue("256") int maxConcurrentCalls, @NotNull @DefaultValue("2s") Duration maxWait) {
    }

    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> routeBulkheads(Properties properties) {
        BulkheadConfig config = BulkheadConfig.custom().maxConcurrentCalls(properties.maxConcurrentCalls())
                .maxWaitDuration(properties.maxWait()).build();
        return provider -> provider.configureDefault(route -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(config).build());
    }
}
