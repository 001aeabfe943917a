package org.danvan.gateway;

import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a service receives from the gateway: the correlation id and the client's address that
 * {@link FrontDoorFilter} established, in {@code X-Correlation-Id} and {@code X-Forwarded-For}, and no forwarding
 * header the client sent. Written as the proxied request is built rather than by mutating the exchange.
 */
@Component
class ProxiedRequestHeaders implements HttpHeadersFilter, Ordered {

    /** Headers only a proxy may set; a client's own are dropped. */
    static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Forwarded-Port", "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Real-IP");

    /**
     * Changes the headers it is given: it runs last, after {@link RemoveHopByHopHeadersFilter}, which always hands on
     * a copy of the request's headers of its own.
     */
    @Override
    public HttpHeaders filter(HttpHeaders headers, ServerWebExchange exchange) {
        FORWARDING_HEADERS.forEach(headers::remove);
        String client = exchange.getAttribute(FrontDoorFilter.CLIENT_ADDRESS);
        if (client != null) {
            headers.set("X-Forwarded-For", client);
        }
        String correlationId = exchange.getAttribute(FrontDoorFilter.CORRELATION);
        if (correlationId != null) {
            headers.set(FrontDoorFilter.CORRELATION_ID, correlationId);
        }
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
