package org.danvan.gateway;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The OIDC issuer whose tokens the gateway accepts ({@code danvan.security}, the same settings and
 * environment variables as the services): its signing keys from {@code jwkSetUri} (default: the issuer's
 * Keycloak certs endpoint) or a PEM {@code publicKeyLocation}; and the clients a token must have been issued to.
 */
@Validated
@ConfigurationProperties("danvan.security")
record SecurityProperties(@NotBlank String issuer, String jwkSetUri, String publicKeyLocation,
        @NotEmpty List<@NotBlank String> clients) {
}
