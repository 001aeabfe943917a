package org.danvan.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's issuer as browsers and tokens know it, and where this server reaches the same issuer when
 * that address is not reachable from inside its network (compose, Kubernetes); blank means the same.
 */
@ConfigurationProperties("danvan.web.oidc")
record OidcProperties(String issuer, String backchannelIssuer, String clientId) {

    String backchannel() {
        return backchannelIssuer == null || backchannelIssuer.isBlank() ? issuer : backchannelIssuer;
    }
}
