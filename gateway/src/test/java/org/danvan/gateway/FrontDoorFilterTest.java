package org.danvan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

/** The client cannot choose the address the services see: the gateway writes the one its connection shows. */
class FrontDoorFilterTest {

    private final FrontDoorFilter filter = new FrontDoorFilter(new GatewayProperties(DataSize.ofMegabytes(5),
            DataSize.ofMegabytes(200), List.of("/api/v1/cases"), 30, 600, 20, Duration.ofSeconds(1), 8192, DataSize.ofKilobytes(8)));

    @Test
    void replacesForwardingHeadersTheClientSentWithTheConnectionsAddress() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/petitions/p/signatures")
                .remoteAddress(new InetSocketAddress("203.0.113.7", 40000))
                .header("X-Forwarded-For", "198.51.100.1, 198.51.100.2")
                .header("Forwarded", "for=198.51.100.3")
                .header("X-Real-IP", "198.51.100.4"));
        filter.filter(exchange, passed -> Mono.empty()).block();
        // the headers of the request to the service, as the routing filter builds them
        HttpHeaders forwarded = HttpHeadersFilter.filterRequest(
                List.of(new RemoveHopByHopHeadersFilter(), new ProxiedRequestHeaders()), exchange);

        assertThat(forwarded.get("X-Forwarded-For")).containsExactly("203.0.113.7");
        assertThat(forwarded.containsHeader("Forwarded")).isFalse();
        assertThat(forwarded.containsHeader("X-Real-IP")).isFalse();
        assertThat(forwarded.getFirst(FrontDoorFilter.CORRELATION_ID)).isNotBlank()
                .isEqualTo(exchange.getResponse().getHeaders().getFirst(FrontDoorFilter.CORRELATION_ID));
        // and the per-address rate limit counts the same address
        assertThat(exchange.<String>getAttribute(FrontDoorFilter.CLIENT_ADDRESS)).isEqualTo("203.0.113.7");
    }

    @Test
    void aBulkImportMayBeLargerThanAnyOtherBody() {
        for (String path : List.of("/api/v1/units/imports", "/api/v1/reports/import", "/api/v1/units")) {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post(path)
                    .contentLength(DataSize.ofMegabytes(50).toBytes()));
            AtomicReference<Boolean> passed = new AtomicReference<>(false);
            filter.filter(exchange, next -> {
                passed.set(true);
                return Mono.empty();
            }).block();

            assertThat(passed.get()).as(path).isEqualTo(!path.equals("/api/v1/units"));
        }
    }
}
