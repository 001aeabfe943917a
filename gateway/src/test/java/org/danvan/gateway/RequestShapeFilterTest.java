package org.danvan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

class RequestShapeFilterTest {

    private final RequestShapeFilter filter = new RequestShapeFilter(new GatewayProperties(DataSize.ofMegabytes(5),
            DataSize.ofMegabytes(200), List.of(), 30, 600, 20, Duration.ofSeconds(1), 100, DataSize.ofBytes(200)));
    private final WebFilterChain passes = exchange -> {
        exchange.getResponse().setStatusCode(HttpStatus.OK);
        return Mono.empty();
    };

    @Test
    void anOverLongAddressIsA414Problem() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/units?q=" + "q".repeat(100)));

        filter.filter(exchange, passes).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.URI_TOO_LONG);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"type\":\"https://danvan.org/problems/uri-too-long\"");
    }

    @Test
    void oversizedHeadersAreA431Problem() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/units")
                .header("Accept-Language", "en").header("X-Big", "h".repeat(200)));

        filter.filter(exchange, passes).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"title\":\"Request headers too large\"");
    }

    @Test
    void anOrdinaryRequestPasses() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/units?q=duc"));

        filter.filter(exchange, passes).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
