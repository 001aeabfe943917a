package org.danvan.gateway;

import java.net.URI;
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
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits what one client address may send per minute to the endpoints citizens use without an account, so a
 * flood cannot drown the complaint desk: over the limit, 429 problem+json with {@code Retry-After}. The
 * counts live in this gateway instance (a fixed one-minute window per address).
 */
@Component
class AnonymousRateLimitFilter implements GlobalFilter, Ordered {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final List<String> anonymousPaths;
    private final int perMinute;
    private final Clock clock;
    private final Counter limited;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    AnonymousRateLimitFilter(GatewayProperties properties, MeterRegistry meters) {
        this.anonymousPaths = properties.anonymousPaths();
        this.perMinute = properties.anonymousPerMinute();
        this.clock = Clock.systemUTC();
        this.limited = Counter.builder("danvan.gateway.rate.limited")
                .description("Anonymous requests refused with 429").register(meters);
    }

    private record Window(long minute, int count) {
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (anonymousPaths.stream().noneMatch(pattern -> PATHS.match(pattern, path))) {
            return chain.filter(exchange);
        }
        var remote = exchange.getRequest().getRemoteAddress();
        String client = remote == null ? "unknown" : remote.getAddress().getHostAddress();
        long now = clock.millis();
        long minute = now / 60_000;
        Window window = windows.compute(client, (key, old) ->
                old == null || old.minute() != minute ? new Window(minute, 1) : new Window(minute, old.count() + 1));
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.minute() != minute);
        }
        if (window.count() <= perMinute) {
            return chain.filter(exchange);
        }
        limited.increment();
        long retryAfter = Duration.ofMillis((minute + 1) * 60_000 - now).toSeconds() + 1;
        boolean english = exchange.getRequest().getHeaders().getAcceptLanguageAsLocales().stream().findFirst()
                .map(locale -> locale.getLanguage().equals("en")).orElse(false);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS);
        problem.setType(URI.create("https://danvan.org/problems/rate-limited"));
        problem.setTitle(english ? "Too many requests" : "Quá nhiều yêu cầu");
        problem.setDetail(english ? "Try again in " + retryAfter + " seconds." : "Vui lòng thử lại sau " + retryAfter + " giây.");
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(JSON.writeValueAsBytes(problem))));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
