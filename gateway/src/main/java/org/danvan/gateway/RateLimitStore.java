package org.danvan.gateway;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redis connection behind {@link SharedRateLimits}. While it is down, Lettuce would queue each command until
 * it reconnects or {@code spring.data.redis.timeout} passes, holding every request that long; refused at once
 * instead, the limits fail open without delaying anyone.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitStore {

    @Bean
    LettuceClientOptionsBuilderCustomizer refuseCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
