package org.danvan.gateway;

import java.net.URI;
import java.util.UUID;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every request meets first: a correlation id (kept from the caller or made here) returned to the caller;
 * the client's address as this connection shows it; and a limit on the body size, refused as problem+json. Both
 * go to the service in the headers {@link ProxiedRequestHeaders} writes, which replace whatever forwarding headers
 * the client sent (the services trust {@code X-Forwarded-For} from the gateway only, so a client cannot choose the
 * address its signatures are counted under).
 */
@Component
class FrontDoorFilter implements GlobalFilter, Ordered {

    static final String CORRELATION_ID = "X-Correlation-Id";
    /** Exchange attribute: the request's correlation id. */
    static final String CORRELATION = FrontDoorFilter.class.getName() + ".correlationId";
    /** Exchange attribute: the client's address as this connection shows it, what the per-address limits count. */
    static final String CLIENT_ADDRESS = FrontDoorFilter.class.getName() + ".clientAddress";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayProperties properties;

    FrontDoorFilter(GatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String correlationId = request.getHeaders().getFirst(CORRELATION_ID);
        if (correlationId == null || correlationId.isBlank() || correlationId.length() > 100) {
            correlationId = UUID.randomUUID().toString();
        }
        exchange.getResponse().getHeaders().set(CORRELATION_ID, correlationId);
        exchange.getAttributes().put(CORRELATION, correlationId);
        long limit = isImport(request.getPath().value())
                ? properties.maxImportSize().toBytes() : properties.maxRequestSize().toBytes();
        if (request.getHeaders().getContentLength() > limit) {
            return tooLarge(exchange, limit);
        }
        String client = request.getRemoteAddress() == null || request.getRemoteAddress().getAddress() == null ? null
                : request.getRemoteAddress().getAddress().getHostAddress();
        if (client != null) {
            exchange.getAttributes().put(CLIENT_ADDRESS, client);
        }
        // no mutate(): a copy of the headers and a decorator of the exchange that every later filter would go through
        return chain.filter(exchange);
    }

    /** A bulk import: {@code .../import}, or {@code .../imports} where it runs as a job. */
    private static boolean isImport(String path) {
        return path.endsWith("/import") || path.endsWith("/imports");
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        boolean english = exchange.getRequest().getHeaders().getAcceptLanguageAsLocales().stream().findFirst()
                .map(locale -> locale.getLanguage().equals("en")).orElse(false);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONTENT_TOO_LARGE);
        problem.setType(URI.create("https://danvan.org/problems/request-too-large"));
        problem.setTitle(english ? "Request too large" : "Yêu cầu quá lớn");
        problem.setDetail(english ? "The body may be at most " + limit + " bytes."
                : "Nội dung yêu cầu tối đa " + limit + " byte.");
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        exchange.getResponse().setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // the body is never read: closing the connection after the answer frees a client still sending it
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(JSON.writeValueAsBytes(problem))));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
