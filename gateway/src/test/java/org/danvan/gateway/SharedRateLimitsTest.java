package org.danvan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

/** A limit of N a minute becomes a bucket that holds exactly N requests and gives them back over one minute. */
class SharedRateLimitsTest {

    @Test
    void aMinutesAllowanceInWholeTokensPerSecond() {
        assertBucket(SharedRateLimits.bucket(30), 1, 60, 2);
        assertBucket(SharedRateLimits.bucket(600), 10, 600, 1);
        assertBucket(SharedRateLimits.bucket(7), 7, 420, 60);
        assertBucket(SharedRateLimits.bucket(100_000_000), 5_000_000, 300_000_000, 3);
    }

    private static void assertBucket(RedisRateLimiter.Config bucket, int tokensPerSecond, long capacity, int tokensPerRequest) {
        assertThat(bucket.getReplenishRate()).isEqualTo(tokensPerSecond);
        assertThat(bucket.getBurstCapacity()).isEqualTo(capacity);
        assertThat(bucket.getRequestedTokens()).isEqualTo(tokensPerRequest);
        // requests a full bucket holds, and requests refilled per minute
        assertThat(bucket.getBurstCapacity() / bucket.getRequestedTokens())
                .isEqualTo(60L * bucket.getReplenishRate() / bucket.getRequestedTokens());
    }
}
