package org.danvan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.danvan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;

/**
 * Two gateways' leases on one Redis: a caller hammering both with concurrent requests gets its minute's allowance,
 * plus what the buckets refill meanwhile and at most one lease time's share, and no more.
 */
class RateLimitLeasesIT {

    private static final int PER_MINUTE = 600;
    private static final Duration LEASE_TIME = Duration.ofSeconds(1);
    private static LettuceConnectionFactory connections;
    private static ReactiveStringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        URI url = URI.create(TestInfrastructure.requireRedis().url());
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(url.getHost(), url.getPort()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new ReactiveStringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        if (connections != null) {
            connections.destroy();
        }
    }

    private static RateLimitLeases gateway(int lease) throws IOException {
        RateLimitLeases limiter = new RateLimitLeases(new RedisRateLimiter(redis, RateLimitStore.script(), null),
                new RedisRateLimiter(redis, RateLimitStore.script(), null), LEASE_TIME);
        limiter.limit(SharedRateLimits.SIGNED_IN, PER_MINUTE, lease);
        return limiter;
    }

    @Test
    void leasesTakeAHundredthOfTheAllowanceAtMostAndNeverLeaseASmallLimit() {
        assertThat(RateLimitLeases.leaseSize(600, 20)).isEqualTo(6);
        assertThat(RateLimitLeases.leaseSize(100_000_000, 20)).isEqualTo(20);
        assertThat(RateLimitLeases.leaseSize(30, 20)).isEqualTo(1);
    }

    @Test
    void twoGatewaysLeasingFromOneRedisAdmitNoMoreThanTheSharedLimit() throws IOException {
        int lease = RateLimitLeases.leaseSize(PER_MINUTE, 20);
        List<RateLimitLeases> gateways = List.of(gateway(lease), gateway(lease));
        String caller = "client/leases-" + System.nanoTime();
        int requests = 3 * PER_MINUTE;

        long started = System.nanoTime();
        long admitted = Flux.range(0, requests)
                .flatMap(i -> gateways.get(i % 2).isAllowed(SharedRateLimits.SIGNED_IN, caller), 8)
                .filter(RateLimiter.Response::isAllowed).count().block();
        double seconds = (System.nanoTime() - started) / 1e9;

        // the bucket's minute, what it refilled during the run, and what leases may spend after their tokens left it
        double refilled = PER_MINUTE * (seconds + LEASE_TIME.toSeconds()) / 60;
        assertThat(admitted).isBetween((long) (PER_MINUTE - 2 * 8 * lease), (long) Math.ceil(PER_MINUTE + refilled));
        // once the bucket is empty, neither gateway admits anything it did not ask Redis for
        assertThat(Flux.range(0, 2 * lease).flatMap(i -> gateways.get(i % 2).isAllowed(SharedRateLimits.SIGNED_IN, caller))
                .filter(RateLimiter.Response::isAllowed).count().block()).isLessThanOrEqualTo((long) Math.ceil(refilled));
    }
}
