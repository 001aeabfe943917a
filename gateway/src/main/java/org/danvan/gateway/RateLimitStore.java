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
     * looks up the file in the jar on every request to see whether it changed.
     */
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis, ConfigurationService configurationService) throws IOException {
        try (InputStream in = new ClassPathResource(SCRIPT, RedisRateLimiter.class.getClassLoader()).getInputStream()) {
            RedisScript<List<Long>> script = (RedisScript) RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), List.class);
            return new RedisRateLimiter(redis, script, configurationService);
        }
    }
}
