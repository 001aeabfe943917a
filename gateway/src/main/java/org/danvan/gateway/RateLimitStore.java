package org.danvan.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** The Redis behind {@link SharedRateLimits}: how the gateway talks to it, and the limiter's script. */
@Configuration(proxyBeanMethods = false)
class RateLimitStore {

    /** The token-bucket script Spring Cloud Gateway ships with its {@link RedisRateLimiter}. */
    private static final String SCRIPT = "META-INF/scripts/request_rate_limiter.lua";

    /**
     * While Redis is down, Lettuce would queue each command until it reconnects or {@code spring.data.redis.timeout}
     * passes, holding every request that long; refused at once instead, the limits fail open without delaying anyone.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer refuseCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /**
     * Spring Cloud Gateway's limiter with its own script read once: the script bean it would build from the file
     * looks up the file in the jar on every request to see whether it changed. Primary: Spring Cloud Gateway's
     * default limiter, beside the leases built on it.
     */
    @Bean
    @Primary
    RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis, ConfigurationService configurationService) throws IOException {
        return new RedisRateLimiter(redis, script(), configurationService);
    }

    /** The limiter that {@link SharedRateLimits} applies: Spring Cloud Gateway's, with leases on the same buckets. */
    @Bean
    RateLimitLeases rateLimitLeases(RedisRateLimiter redisRateLimiter, ReactiveStringRedisTemplate redis,
            ConfigurationService configurationService, GatewayProperties properties) throws IOException {
        return new RateLimitLeases(redisRateLimiter, new RedisRateLimiter(redis, script(), configurationService),
                properties.leaseTime());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static RedisScript<List<Long>> script() throws IOException {
        try (InputStream in = new ClassPathResource(SCRIPT, RedisRateLimiter.class.getClassLoader()).getInputStream()) {
            return (RedisScript) RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), List.class);
        }
    }
}
