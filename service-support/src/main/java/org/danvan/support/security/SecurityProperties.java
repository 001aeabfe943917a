package org.danvan.support.security;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token checks ({@code danvan.security}): the OIDC issuer every token must come from, where its signing
 * keys are ({@code jwkSetUri}, or a PEM {@code publicKeyLocation}), the clients a token must have been issued
 * to ({@code aud} or {@code azp}), the endpoints open without a token, as {@code "METHOD /path/pattern"}, and
 * how many verified tokens a service remembers until they expire ({@link CachedJwtDecoder}).
 */
@Validated
@ConfigurationProperties("danvan.security")
public record SecurityProperties(@NotBlank String issuer, String jwkSetUri, String publicKeyLocation,
        @NotEmpty List<@NotBlank String> clients, List<String> publicEndpoints,
        @Positive @DefaultValue("10000") int tokenCacheSize) {

    public SecurityProperties {
        publicEndpoints = publicEndpoints == null ? List.of() : List.copyOf(publicEndpoints);
    }
}
