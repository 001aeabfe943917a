package org.danvan.gateway;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxRequestSize       largest request body the gateway lets through
 * @param maxImportSize        largest body of a bulk import ({@code .../import} or {@code .../imports}), e.g. a whole unit tree
 * @param anonymousPaths       path patterns citizens reach without an account (filing and tracking cases, choosing their area)
 * @param anonymousPerMinute   requests one client address may make to them per minute
 * @param clientPerMinute      requests one signed-in user of one client (token {@code azp} and {@code sub}) may make per minute
 * @param maxLease             requests a signed-in or anonymous caller's lease holds at most: a gateway takes that many of
 *                             a caller's tokens from Redis at once while the caller is far from its limit
 *                             ({@link RateLimitLeases}; a lease is at most a hundredth of the limit, so 30 a minute never leases)
 * @param leaseTime            how long a lease's unspent requests stay usable in one gateway
 * @param maxUriLength         longest request address (path and query) in characters
 * @param maxHeaderSize        largest total size of the request headers
 */
@Validated
@ConfigurationProperties("danvan.gateway")
record GatewayProperties(@NotNull @DefaultValue("5MB") DataSize maxRequestSize,
        @NotNull @DefaultValue("200MB") DataSize maxImportSize,
        @NotNull @DefaultValue({"/api/v1/cases", "/api/v1/cases/track/**", "/api/v1/petitions/*/signatures",
                "/api/v1/units/places"}) List<String> anonymousPaths,
        @Positive @DefaultValue("30") int anonymousPerMinute,
        @Positive @DefaultValue("600") int clientPerMinute,
        @Positive @DefaultValue("20") int maxLease,
        @NotNull @DefaultValue("1s") Duration leaseTime,
        @Positive @DefaultValue("8192") int maxUriLength,
        @NotNull @DefaultValue("8KB") DataSize maxHeaderSize) {
}
