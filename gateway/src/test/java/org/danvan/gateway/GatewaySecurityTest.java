package org.danvan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** Tokens of the right issuer reach the services only when they were issued to one of danvan's clients. */
class GatewaySecurityTest {

    private final OAuth2TokenValidator<Jwt> clients = GatewaySecurity.issuedToOneOf(List.of("danvan-web", "danvan-publisher"));

    private static Jwt token(Map<String, Object> claims) {
        return new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }

    @Test
    void acceptsTheWebAndPublisherClientsByAuthorisedPartyOrAudience() {
        assertThat(clients.validate(token(Map.of("azp", "danvan-web", "sub", "u"))).hasErrors()).isFalse();
        assertThat(clients.validate(token(Map.of("aud", List.of("account", "danvan-publisher"), "sub", "s"))).hasErrors()).isFalse();
    }

    @Test
    void refusesATokenIssuedToAnotherApplicationOfTheRealm() {
        assertThat(clients.validate(token(Map.of("azp", "realm-management", "aud", List.of("account"), "sub", "u"))).hasErrors())
                .isTrue();
        assertThat(clients.validate(token(Map.of("sub", "u"))).hasErrors()).isTrue();
    }
}
