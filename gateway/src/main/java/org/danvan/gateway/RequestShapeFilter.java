package org.danvan.gateway;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses an over-long address (414) or oversized headers (431) as problem+json, before anything else runs.
 * The server's own limits ({@code server.netty.max-initial-line-length}, {@code server.max-http-request-header-size})
 * are set well above these, because Netty refuses with an empty body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestShapeFilter implements WebFilter {

    private final GatewayProperties properties;

    RequestShapeFilter(GatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (request.getURI().getRawPath().length() + String.valueOf(request.getURI().getRawQuery()).length()
                > properties.maxUriLength()) {
            return Problems.write(exchange, HttpStatus.URI_TOO_LONG, "uri-too-long",
                    new Problems.Text("Địa chỉ quá dài", "URI too long"),
                    new Problems.Text("Địa chỉ yêu cầu tối đa " + properties.maxUriLength() + " ký tự.",
                            "The request address may be at most " + properties.maxUriLength() + " characters."));
        }
        if (headerBytes(request.getHeaders().headerSet()) > properties.maxHeaderSize().toBytes()) {
            return Problems.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
                    new Problems.Text("Tiêu đề yêu cầu quá lớn", "Request headers too large"),
                    new Problems.Text("Các tiêu đề yêu cầu tối đa " + properties.maxHeaderSize().toBytes() + " byte.",
                            "The request headers may be at most " + properties.maxHeaderSize().toBytes() + " bytes."));
        }
        return chain.filter(exchange);
    }

    /** As on the wire: {@code name: value} and a line break per value. */
    private static long headerBytes(Iterable<Map.Entry<String, List<String>>> headers) {
        long bytes = 0;
        for (Map.Entry<String, List<String>> header : headers) {
            for (String value : header.getValue()) {
                bytes += header.getKey().length() + value.length() + 4;
            }
        }
        return bytes;
    }
}
