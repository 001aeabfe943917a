package org.danvan.gateway;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.factory.RequestRateLimiterGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits requests per minute so one caller cannot drown the others: per client address (the connection's, as
 * {@link FrontDoorFilter} establishes it, never a header the client sent) on the endpoints citizens use without an
 * account, per signed-in client and user everywhere else. The counts live in Redis, through Spring Cloud
 * Gateway's own {@code RequestRateLimiter} and {@link RedisRateLimiter}, so every gateway instance draws on the
 * same allowance. Each key holds a token bucket of a minute's allowance that refills evenly over the minute. A
 * caller far from its limit spends a few requests' tokens at a time ({@link RateLimitLeases}), so most of its
 * requests do not wait for Redis.
 * Over the limit: 429 problem+json with {@code Retry-After}.
 * <p>
 * When Redis cannot be reached the limits <em>fail open</em>: requests pass unlimited (the services still check
 * every token and the route bulkheads still cap what reaches them), counted in
 * {@code danvan.gateway.rate.limiter.unavailable} and logged when it starts and stops. Failing closed would turn
 * a cache outage into an outage of the whole platform, the citizens' complaint desk included.
 */
@Component
class SharedRateLimits implements GlobalFilter, Ordered {

    /** The limits' names, in Redis keys ({@code request_rate_limiter.{anonymous.<address>}.tokens}). */
    static final String ANONYMOUS = "anonymous";
    static final String SIGNED_IN = "signed-in";
    private static final Logger log = LoggerFactory.getLogger(SharedRateLimits.class);
    private static final AntPathMatcher PATHS = new AntPathMatcher();
    /** Exchange attribute: the signed-in caller a limit counts, {@code <client>/<user>}. */
    private static final String CALLER = SharedRateLimits.class.getName() + ".caller";
    /** What a missing connection address counts under: all such callers share one allowance. */
    private static final String UNKNOWN_ADDRESS = "unknown";

    private final List<String> anonymousPaths;
    private final Limit anonymous;
    private final Limit signedIn;
    private final Counter unavailable;
    private final AtomicBoolean storeDown = new AtomicBoolean();

    SharedRateLimits(GatewayProperties properties, RequestRateLimiterGatewayFilterFactory factory, RateLimitLeases limiter,
            MeterRegistry meters) {
        this.anonymousPaths = properties.anonymousPaths();
        KeyResolver byAddress = exchange -> Mono.just(exchange.getAttributeOrDefault(FrontDoorFilter.CLIENT_ADDRESS, UNKNOWN_ADDRESS));
        KeyResolver byUser = exchange -> Mono.justOrEmpty(exchange.<String>getAttribute(CALLER));
        this.anonymous = new Limit(ANONYMOUS, properties.anonymousPerMinute(), properties.maxLease(), byAddress, factory, limiter, meters);
        this.signedIn = new Limit(SIGNED_IN, properties.clientPerMinute(), properties.maxLease(), byUser, factory, limiter, meters);
        this.unavailable = Counter.builder("danvan.gateway.rate.limiter.unavailable")
                .description("Requests let through unlimited because Redis could not be reached").register(meters);
    }

    /**
     * The bucket {@link RedisRateLimiter} keeps for {@code perMinute} requests a minute. It refills a whole number
     * of tokens per second, so a request takes {@code 60 / gcd(perMinute, 60)} tokens: 30 a minute is a bucket of 60
     * refilled by 1 a second at 2 a request, exactly 30 a minute, all of them usable at once.
     */
    static RedisRateLimiter.Config bucket(int perMinute) {
        int divisor = gcd(perMinute, 60);
        int tokensPerRequest = 60 / divisor;
        return new RedisRateLimiter.Config().setReplenishRate(perMinute / divisor)
                .setBurstCapacity((long) perMinute * tokensPerRequest).setRequestedTokens(tokensPerRequest);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> {
                    // the key resolver reads it here rather than looking the principal up a second time
                    Jwt token = ((JwtAuthenticationToken) principal).getToken();
                    exchange.getAttributes().put(CALLER, token.getClaimAsString("azp") + "/" + token.getSubject());
                    return signedIn.apply(exchange, chain);
                })
                .switchIfEmpty(Mono.fromSupplier(() -> anonymousPath(exchange) ? anonymous.apply(exchange, chain) : null))
                .defaultIfEmpty(Mono.defer(() -> chain.filter(exchange)))
                .flatMap(result -> result);
    }

    private boolean anonymousPath(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return anonymousPaths.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }

    /** {@link RedisRateLimiter} answers a failed call to Redis with "allowed, -1 remaining": counted here. */
    private void noteStore(ServerWebExchange exchange) {
        boolean down = "-1".equals(exchange.getResponse().getHeaders().getFirst(RedisRateLimiter.REMAINING_HEADER));
        if (down) {
            unavailable.increment();
        }
        if (storeDown.compareAndSet(!down, down)) {
            if (down) {
                log.warn("Redis cannot be reached: the rate limits let every request through until it is back");
            } else {
                log.info("Redis is reachable again: the rate limits apply");
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    /** One limit: Spring Cloud Gateway's rate-limiter filter for it, and what its refusal looks like. */
    private final class Limit {

        private final GatewayFilter filter;
        private final Counter limited;
        private final long retryAfterSeconds;

        Limit(String name, int perMinute, int maxLease, KeyResolver key, RequestRateLimiterGatewayFilterFactory factory,
                RateLimitLeases limiter, MeterRegistry meters) {
            limiter.limit(name, perMinute, RateLimitLeases.leaseSize(perMinute, maxLease));
            RequestRateLimiterGatewayFilterFactory.Config config = new RequestRateLimiterGatewayFilterFactory.Config()
                    .setKeyResolver(key).setRateLimiter(limiter).setDenyEmptyKey(false);
            // the limit's name stands in for the route: one allowance per caller across every route
            config.setRouteId(name);
            this.filter = factory.apply(config);
            this.limited = Counter.builder("danvan.gateway.rate.limited").description("Requests refused with 429")
                    .tag("caller", name.equals(ANONYMOUS) ? "anonymous" : "client").register(meters);
            // the bucket gives back one request's tokens within this many seconds
            this.retryAfterSeconds = (59 + perMinute) / perMinute;
        }

        Mono<Void> apply(ServerWebExchange exchange, GatewayFilterChain chain) {
            ServerWebExchange watched = exchange.mutate().response(new Refusal(exchange)).build();
            return filter.filter(watched, allowed -> {
                noteStore(exchange);
                return chain.filter(exchange);
            });
        }

        /** The limiter refuses with a bare 429; the caller gets the gateway's problem+json and when to retry. */
        private final class Refusal extends ServerHttpResponseDecorator {

            private final ServerWebExchange exchange;

            Refusal(ServerWebExchange exchange) {
                super(exchange.getResponse());
                this.exchange = exchange;
            }

            @Override
            public Mono<Void> setComplete() {
                if (!HttpStatus.TOO_MANY_REQUESTS.equals(getStatusCode())) {
                    return super.setComplete();
                }
                limited.increment();
                getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
                return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                        new Problems.Text("Quá nhiều yêu cầu", "Too many requests"),
                        new Problems.Text("Vui lòng thử lại sau " + retryAfterSeconds + " giây.",
                                "Try again in " + retryAfterSeconds + " seconds."));
            }
        }
    }
}
