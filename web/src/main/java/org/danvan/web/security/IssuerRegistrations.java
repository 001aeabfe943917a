package org.danvan.web.security;

import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

/**
 * The one client registration, {@code danvan-web} at the platform's issuer, read from the issuer's discovery
 * document on first use (so the web application starts before Keycloak is up). The browser is sent to the
 * issuer's public endpoints; this server calls the token, key and user-info endpoints at the backchannel
 * address. The ID token's issuer is checked against the public issuer (the document's own).
 */
final class IssuerRegistrations implements ClientRegistrationRepository {

    static final String ID = "keycloak";

    private final OidcProperties oidc;
    private final RestClient http;
    private volatile ClientRegistration registration;

    IssuerRegistrations(OidcProperties oidc, RestClient http) {
        this.oidc = oidc;
        this.http = http;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        if (registration == null) {
            registration = discover();
        }
        return registration;
    }

    private ClientRegistration discover() {
        Map<String, Object> metadata = http.get().uri(oidc.backchannel() + "/.well-known/openid-configuration").retrieve()
                .body(new ParameterizedTypeReference<>() { });
        if (metadata == null || !oidc.issuer().equals(metadata.get("issuer"))) {
            throw new IllegalStateException("the discovery document at " + oidc.backchannel() + " names another issuer than "
                    + oidc.issuer() + ": " + (metadata == null ? null : metadata.get("issuer")));
        }
        return ClientRegistration.withRegistrationId(ID)
                .clientId(oidc.clientId())
                .clientName("Keycloak")
                // a public client: PKCE instead of a secret
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri((String) metadata.get("authorization_endpoint"))
                .tokenUri(backchannel(metadata, "token_endpoint"))
                .jwkSetUri(backchannel(metadata, "jwks_uri"))
                .userInfoUri(backchannel(metadata, "userinfo_endpoint"))
                .userNameAttributeName("preferred_username")
                .issuerUri(oidc.issuer())
                .providerConfigurationMetadata(metadata)
                .build();
    }

    private String backchannel(Map<String, Object> metadata, String endpoint) {
        return ((String) metadata.get(endpoint)).replace(oidc.issuer(), oidc.backchannel());
    }
}
