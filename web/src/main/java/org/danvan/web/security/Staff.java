package org.danvan.web.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The signed-in staff member as pages need them: their platform roles and their unit ({@code unit_id}). */
public record Staff(Set<String> roles, String unitId) {

    public static Staff of(Authentication user) {
        Set<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).collect(Collectors.toSet());
        String unit = user.getPrincipal() instanceof OidcUser oidc ? oidc.getClaimAsString("unit_id") : null;
        return new Staff(roles, unit);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
