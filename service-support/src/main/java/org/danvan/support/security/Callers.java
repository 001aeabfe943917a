package org.danvan.support.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The {@link Caller} of the current request. */
public final class Callers {

    private Callers() {
    }

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return of(token.getToken());
        }
        return Caller.ANONYMOUS;
    }

    /** Roles from Keycloak's {@code realm_access.roles} or a plain {@code roles} claim. */
    static Caller of(Jwt jwt) {
        Set<String> roles = new HashSet<>(strings(jwt.getClaim("roles")));
        if (jwt.getClaim("realm_access") instanceof Map<?, ?> realmAccess) {
            roles.addAll(strings(realmAccess.get("roles")));
        }
        return new Caller(jwt.getSubject(), roles, jwt.getClaimAsString("unit_id"));
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
