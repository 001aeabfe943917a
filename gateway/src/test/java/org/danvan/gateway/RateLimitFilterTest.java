package org.danvan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class RateLimitFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RateLimitFilter filter = new RateLimitFilter(new GatewayProperties(DataSize.ofMegabytes(5), DataSize.ofMegabytes(200),
            List.of("/api/v1/cases"), 2, 3, 8192, DataSize.ofKilobytes(8)), meters);
    private final AtomicInteger passed = new AtomicInteger();
    private final GatewayFilterChain chain = exchange -> {
        passed.incrementAndGet();
        return Mono.empty();
    };

    private MockServerWebExchange anonymous(String path, String address) {
        return MockServerWebExchange.from(MockServerHttpRequest.post(path).remoteAddress(new InetSocketAddress(address, 40000)));
    }

    private ServerWebExchange signedIn(String subject) {
        Jwt jwt = new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"),
                Map.of("sub", subject, "azp", "danvan-web"));
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/directives"));
        return exchange.mutate().principal(Mono.just(new JwtAuthenticationToken(jwt))).build();
    }

    @Test
    void citizensWithoutAnAccountAreLimitedPerAddressOnTheirEndpointsOnly() {
        for (int i = 0; i < 2; i++) {
            filter.filter(anonymous("/api/v1/cases", "203.0.113.7"), chain).block();
        }
        MockServerWebExchange third = anonymous("/api/v1/cases", "203.0.113.7");
        filter.filter(third, chain).block();
        filter.filter(anonymous("/api/v1/cases", "203.0.113.8"), chain).block();
        filter.filter(anonymous("/api/v1/units", "203.0.113.7"), chain).block();

        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(third.getResponse().getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(passed).hasValue(4);
        assertThat(meters.get("danvan.gateway.rate.limited").tag("caller", "anonymous").counter().count()).isEqualTo(1);
    }

    @Test
    void eachSignedInUserOfAClientHasTheirOwnLimit() {
        for (int i = 0; i < 3; i++) {
            filter.filter(signedIn("integration-1"), chain).block();
        }
        ServerWebExchange fourth = signedIn("integration-1");
        filter.filter(fourth, chain).block();
        filter.filter(signedIn("integration-2"), chain).block();

        assertThat(fourth.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(passed).hasValue(4);
        assertThat(meters.get("danvan.gateway.rate.limited").tag("caller", "client").counter().count()).isEqualTo(1);
    }
}
