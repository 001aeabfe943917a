package org.danvan.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits requests per minute so one caller cannot drown the others: per client address on the endpoints
 * citizens use without an account (the complaint desk), per signed-in client and user everywhere else
 * (a runaway integration). Over the limit: 429 problem+json with {@code Retry-After}. The counts live in
 * this gateway instance (a fixed one-minute window per key).
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final List<String> anonymousPaths;
    private final int anonymousPerMinute;
    private final int clientPerMinute;
    private final Clock clock = Clock.systemUTC();
    private final Counter anonymousLimited;
    private final Counter clientLimited;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimitFilter(GatewayProperties properties, MeterRegistry meters) {
        this.anonymousPaths = properties.anonymousPaths();
        this.anonymousPerMinute = properties.anonymousPerMinute();
        this.clientPerMinute = properties.clientPerMinute();
        this.anonymousLimited = limitedCounter(meters, "anonymous");
        this.clientLimited = limitedCounter(meters, "client");
    }

    private static Counter limitedCounter(MeterRegistry meters, String caller) {
        return Counter.builder("danvan.gateway.rate.limited").description("Requests refused with 429")
                .tag("caller", caller).register(meters);
    }

    private record Window(long minute, int count) {
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> {
                    var jwt = ((JwtAuthenticationToken) principal).getToken();
                    return "client:" + jwt.getClaimAsString("azp") + "/" + jwt.getSubject();
                })
                .map(key -> limit(exchange, chain, key, clientPerMinute, clientLimited))
                .defaultIfEmpty(Mono.defer(() -> anonymous(exchange, chain)))
                .flatMap(result -> result);
    }

    private Mono<Void> anonymous(ServerWebExchange exchange, GatewayFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (anonymousPaths.stream().noneMatch(pattern -> PATHS.match(pattern, path))) {
            return chain.filter(exchange);
        }
        var remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null ? "unknown" : remote.getAddress().getHostAddress();
        return limit(exchange, chain, "address:" + address, anonymousPerMinute, anonymousLimited);
    }

    private Mono<Void> limit(ServerWebExchange exchange, GatewayFilterChain chain, String key, int perMinute, Counter limited) {
        long now = clock.millis();
        long minute = now / 60_000;
        Window window = windows.compute(key, (k, old) ->
                old == null || old.minute() != minute ? new Window(minute, 1) : new Window(minute, old.count() + 1));
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.minute() != minute);
        }
        if (window.count() <= perMinute) {
            return chain.filter(exchange);
        }
        limited.increment();
        long retryAfter = Duration.ofMillis((minute + 1) * 60_000 - now).toSeconds() + 1;
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                new Problems.Text("Quá nhiều yêu cầu", "Too many requests"),
                new Problems.Text("Vui lòng thử lại sau " + retryAfter + " giây.", "Try again in " + retryAfter + " seconds."));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
