package org.danvan.web.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signed-in user with the platform's roles ({@code realm_access.roles} of the access token, which this
 * server has just received from the token endpoint itself) as {@code ROLE_*} authorities, so that a page offers
 * only what the API lets the user do. The API still checks every call.
 */
final class RealmRoles implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final OidcUserService delegate = new OidcUserService();

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
        String[] parts = request.getAccessToken().getTokenValue().split("\\.");
        if (parts.length == 3) {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            claims.path("realm_access").path("roles").forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.asString())));
        }
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
    }
}
