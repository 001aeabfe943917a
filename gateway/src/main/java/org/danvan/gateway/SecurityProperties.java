package org.danvan.gateway;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OIDC issuer whose tokens the gateway accepts ({@code danvan.security}, the same settings and
 * environment variables as the services): its signing keys from {@code jwkSetUri} (default: the issuer's
 * Keycloak certs endpoint) or a PEM {@code publicKeyLocation}; the clients a token must have been issued to; and
 * how many verified tokens the gateway remembers until they expire ({@link CachedJwtDecoder}).
 */
@Validated
@ConfigurationProperties("danvan.security")
record SecurityProperties(@NotBlank String issuer, String jwkSetUri, String publicKeyLocation,
        @NotEmpty List<@NotBlank String> clients, @Positive @DefaultValue("10000") int tokenCacheSize) {
}
