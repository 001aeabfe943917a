package org.danvan.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class AllowedClientValidatorTest {

    private final AllowedClientValidator validator = new AllowedClientValidator(List.of("danvan-web", "danvan-publisher"));

    private static Jwt token(Map<String, Object> claims) {
        return new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }

    @Test
    void acceptsTokensIssuedToDanvansClients() {
        assertThat(validator.validate(token(Map.of("azp", "danvan-web", "sub", "u"))).hasErrors()).isFalse();
        assertThat(validator.validate(token(Map.of("aud", List.of("danvan-publisher"), "sub", "s"))).hasErrors()).isFalse();
    }

    @Test
    void refusesTokensIssuedToAnotherApplicationOrToNobody() {
        assertThat(validator.validate(token(Map.of("azp", "account-console", "sub", "u"))).hasErrors()).isTrue();
        assertThat(validator.validate(token(Map.of("sub", "u"))).hasErrors()).isTrue();
    }
}
