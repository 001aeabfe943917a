package org.danvan.gateway;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The OIDC issuer whose tokens the gateway accepts ({@code danvan.security}, the same settings and
 * environment variables as the services): its signing keys from {@code jwkSetUri} (default: the issuer's
 * Keycloak certs endpoint) or a PEM {@code publicKeyLocation}.
 */
@Validated
@ConfigurationProperties("danvan.security")
record SecurityProperties(@NotBlank String issuer, String jwkSetUri, String publicKeyLocation) {
}
