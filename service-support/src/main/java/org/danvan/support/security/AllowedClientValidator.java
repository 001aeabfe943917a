package org.danvan.support.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts a token only when it was issued to one of danvan's clients: its audience ({@code aud}) or its
 * authorised party ({@code azp}, which Keycloak sets to the client id) names an allowed client. A token the
 * same realm issued to any other application is refused, though its signature and issuer are good.
 */
public final class AllowedClientValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error OTHER_CLIENT = new OAuth2Error("invalid_token",
            "The token was not issued to a danvan client", null);

    private final Set<String> clients;

    public AllowedClientValidator(List<String> clients) {
        this.clients = Set.copyOf(clients);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<String> audience = token.getAudience() == null ? List.of() : token.getAudience();
        String authorisedParty = token.getClaimAsString("azp");
        boolean allowed = audience.stream().anyMatch(clients::contains)
                || (authorisedParty != null && clients.contains(authorisedParty));
        return allowed ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(OTHER_CLIENT);
    }
}
