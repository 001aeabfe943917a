package org.danvan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

/** The client cannot choose the address the services see: the gateway writes the one its connection shows. */
class FrontDoorFilterTest {

    private final FrontDoorFilter filter = new FrontDoorFilter(new GatewayProperties(DataSize.ofMegabytes(5),
            DataSize.ofMegabytes(200), List.of("/api/v1/cases"), 30, 600, 8192, DataSize.ofKilobytes(8)));

    @Test
    void replacesForwardingHeadersTheClientSentWithTheConnectionsAddress() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/petitions/p/signatures")
                .remoteAddress(new InetSocketAddress("203.0.113.7", 40000))
                .header("X-Forwarded-For", "198.51.100.1, 198.51.100.2")
                .header("Forwarded", "for=198.51.100.3")
                .header("X-Real-IP", "198.51.100.4"));
        AtomicReference<HttpHeaders> forwarded = new AtomicReference<>();
        filter.filter(exchange, passed -> {
            forwarded.set(passed.getRequest().getHeaders());
            return Mono.empty();
        }).block();

        assertThat(forwarded.get().get("X-Forwarded-For")).containsExactly("203.0.113.7");
        assertThat(forwarded.get().containsHeader("Forwarded")).isFalse();
        assertThat(forwarded.get().containsHeader("X-Real-IP")).isFalse();
        assertThat(forwarded.get().getFirst(FrontDoorFilter.CORRELATION_ID)).isNotBlank();
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
