package org.danvan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import reactor.core.publisher.Mono;

/** A route's bulkhead is sized by configuration, not left at Resilience4j's 25 concurrent calls and no wait. */
class BackendLimitsTest {

    @Test
    void everyRouteGetsTheConfiguredBulkhead() {
        ReactiveResilience4jBulkheadProvider provider = new ReactiveResilience4jBulkheadProvider(BulkheadRegistry.ofDefaults());
        new BackendLimits().routeBulkheads(new BackendLimits.Properties(256, Duration.ofSeconds(2), Duration.ofSeconds(120))).customize(provider);

        assertThat(provider.decorateMono("reporting-service", Map.of(), Mono.just("ok")).block()).isEqualTo("ok");

        BulkheadConfig config = provider.getBulkheadRegistry().bulkhead("reporting-service").getBulkheadConfig();
        assertThat(config.getMaxConcurrentCalls()).isEqualTo(256);
        assertThat(config.getMaxWaitDuration()).isEqualTo(Duration.ofSeconds(2));
    }
}
