package org.danvan.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * The shared limits with fewer round trips to Redis: a caller far from its limit takes a few requests' tokens from
 * its Redis bucket at once (a lease) and spends them in this gateway; near the limit, when the bucket no longer
 * holds a lease, every request asks Redis for its own tokens, exactly as {@link RedisRateLimiter} alone does.
 * <p>
 * Nothing is admitted that Redis did not grant, and a lease's tokens are spent within {@code leaseTime} of their
 * grant or given up. So over a minute no caller gets more than its limit, however many gateways it spreads its
 * requests over; and in any interval it gets at most {@code leaseTime} of its allowance (a sixtieth of the minute's
 * for one second) more than the bucket alone would let through. A caller that stops with a lease unspent loses
 * what is left of it. A limit of less than two leases' worth of a hundred, such as the citizens' 30 a minute,
 * never leases.
 */
class RateLimitLeases implements RateLimiter<RedisRateLimiter.Config> {

    /** What a caller's lease may be at most, as a share of its minute's allowance. */
    static final int ALLOWANCE_PER_LEASE = 100;

    private final RedisRateLimiter exact;
    /** The same buckets, asked for a whole lease's tokens at once. */
    private final RedisRateLimiter batch;
    private final Map<String, Integer> leaseSizes = new ConcurrentHashMap<>();
    private final Cache<String, Lease> leases;
    private final long leaseNanos;

    RateLimitLeases(RedisRateLimiter exact, RedisRateLimiter batch, Duration leaseTime) {
        this.exact = exact;
        this.batch = batch;
        // its remaining tokens of -1 tell that Redis could not be reached: nothing is leased then
        batch.setIncludeHeaders(true);
        this.leaseNanos = leaseTime.toNanos();
        this.leases = Caffeine.newBuilder().expireAfterWrite(leaseTime).maximumSize(100_000).build();
    }

    /** The requests of a lease for a limit of {@code perMinute}: a hundredth of it, one to {@code maxLease}. */
    static int leaseSize(int perMinute, int maxLease) {
        return Math.max(1, Math.min(maxLease, perMinute / ALLOWANCE_PER_LEASE));
    }

    /** The limit {@code name}, {@code perMinute} requests a minute, leased {@code lease} requests at a time. */
    void limit(String name, int perMinute, int lease) {
        RedisRateLimiter.Config bucket = SharedRateLimits.bucket(perMinute);
        exact.getConfig().put(name, bucket);
        if (lease > 1) {
            leaseSizes.put(name, lease);
            batch.getConfig().put(name, new RedisRateLimiter.Config().setReplenishRate(bucket.getReplenishRate())
                    .setBurstCapacity(bucket.getBurstCapacity()).setRequestedTokens(bucket.getRequestedTokens() * lease));
        }
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        Integer size = leaseSizes.get(routeId);
        if (size == null) {
            return exact.isAllowed(routeId, id);
        }
        String key = routeId + '.' + id;
        Lease held = leases.getIfPresent(key);
        if (held != null && held.take(System.nanoTime())) {
            return Mono.just(held.granted);
        }
        return batch.isAllowed(routeId, id).flatMap(granted -> {
            if (!granted.isAllowed()) {
                return exact.isAllowed(routeId, id);
            }
            long remaining = Long.parseLong(granted.getHeaders().get(RedisRateLimiter.REMAINING_HEADER));
            Response answer = new Response(true, exact.getHeaders(exact.getConfig().get(routeId), remaining));
            if (remaining >= 0) {
                leases.asMap().merge(key, new Lease(size - 1, System.nanoTime() + leaseNanos, answer), Lease::add);
            }
            return Mono.just(answer);
        });
    }

    @Override
    public Map<String, RedisRateLimiter.Config> getConfig() {
        return exact.getConfig();
    }

    @Override
    public Class<RedisRateLimiter.Config> getConfigClass() {
        return exact.getConfigClass();
    }

    @Override
    public RedisRateLimiter.Config newConfig() {
        return exact.newConfig();
    }

    /** Requests granted by Redis and not yet spent here, usable until the deadline of their first grant. */
    private static final class Lease {

        private final AtomicInteger left;
        private final long deadline;
        private final Response granted;

        Lease(int left, long deadline, Response granted) {
            this.left = new AtomicInteger(left);
            this.deadline = deadline;
            this.granted = granted;
        }

        boolean take(long now) {
            return now - deadline < 0 && left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }

        /** Another grant while this one is held: its requests join this one's, spent by the earlier deadline. */
        Lease add(Lease more) {
            if (left.get() == 0 || System.nanoTime() - deadline >= 0) {
                return more;
            }
            left.addAndGet(more.left.get());
            return this;
        }
    }
}
