package org.danvan.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * The front door checks who is calling: a valid token from the configured issuer for everything except the
 * citizen endpoints (filing and tracking a case, reading and signing petitions), the API documents and the
 * probes; operators only for {@code /api/v1/admin/**}. The token travels on to the services, which decide
 * on roles and unit scope themselves. Refusals are problem+json and counted by reason.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusReactiveJwtDecoder decoder = properties.publicKeyLocation() != null && !properties.publicKeyLocation().isBlank()
                ? NimbusReactiveJwtDecoder.withPublicKey(publicKey(properties.publicKeyLocation())).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()
                        ? properties.jwkSetUri() : properties.issuer() + "/protocol/openid-connect/certs").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer()),
                issuedToOneOf(properties.clients())));
        return new CachedJwtDecoder(decoder, properties.tokenCacheSize(), Clock.systemUTC());
    }

    /** A token of the right issuer but issued to another application of the realm ({@code aud}/{@code azp}) is refused. */
    static OAuth2TokenValidator<Jwt> issuedToOneOf(List<String> clients) {
        return jwt -> (jwt.getAudience() != null && jwt.getAudience().stream().anyMatch(clients::contains))
                || (jwt.getClaimAsString("azp") != null && clients.contains(jwt.getClaimAsString("azp")))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token was not issued to a danvan client", null));
    }

    /**
     * No observation of each security filter, authentication and authorisation: they cost the front door more than
     * they tell (refusals are counted in {@code danvan.gateway.auth.failures}, every request in http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, MeterRegistry meters) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // stateless: every request carries its token, so no web session is looked up or made for it (the
                // default request cache and context repository made one per request, a thread hop each time)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/actuator/info").permitAll()
                        .pathMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll()
                        .pathMatchers("/fallback/**").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/cases", "/api/v1/cases/track/*/*", "/api/v1/petitions/*/signatures").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/cases/track/*", "/api/v1/petitions", "/api/v1/petitions/*",
                                "/api/v1/units/places").permitAll()
                        .pathMatchers("/api/v1/admin/**").hasRole("operator")
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(GatewaySecurity::authentication))
                        .authenticationEntryPoint((exchange, e) -> {
                            meters.counter("danvan.gateway.auth.failures", "reason",
                                    e instanceof InvalidBearerTokenException ? "invalid-token" : "missing-token").increment();
                            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
                            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    new Problems.Text("Chưa xác thực", "Not authenticated"),
                                    new Problems.Text("Cần mã truy cập hợp lệ (Bearer) do hệ thống đăng nhập cấp.",
                                            "A valid bearer token from the platform's sign-in is required."));
                        })
                        .accessDeniedHandler((exchange, e) -> {
                            meters.counter("danvan.gateway.auth.failures", "reason", "forbidden").increment();
                            return Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden",
                                    new Problems.Text("Không có quyền", "Forbidden"),
                                    new Problems.Text("Tài khoản của bạn không có quyền thực hiện thao tác này.", "Your account may not do this."));
                        }))
                .build();
    }

    /**
     * What the firewall refuses (an encoded {@code /}, {@code %}, {@code .} or NUL in the path, {@code ..}, a
     * non-printable character) is a 400 problem like every other refusal, not an empty body.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedExchanges() {
        return (exchange, rejected) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "bad-request",
                new Problems.Text("Yêu cầu không hợp lệ", "Bad request"),
                new Problems.Text("Địa chỉ hoặc tiêu đề yêu cầu chứa ký tự không được phép.",
                        "The request address or a header contains characters that are not allowed."));
    }

    /**
     * Spring Security's strict firewall with its own rules for header names and values (assigned characters, no
     * control characters but a tab in values) checked by a loop: its regular expressions ran on every read of a
     * header, the 1.5 kB {@code Authorization} value included, 4 % of the front door's CPU under load.
     */
    @Bean
    StrictServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(name -> printable(name, false));
        firewall.setAllowedHeaderValues(value -> printable(value, true));
        firewall.setAllowedParameterNames(name -> printable(name, false));
        return firewall;
    }

    /**
     * Every code point assigned and none a control character ({@code \t} allowed where {@code tab} says so); no
     * text at all passes, as with the firewall's own rules.
     */
    static boolean printable(String text, boolean tab) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!Character.isDefined(c) || (Character.getType(c) == Character.CONTROL && !(tab && c == '\t'))) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** Keycloak's realm roles ({@code realm_access.roles}) as {@code ROLE_<name>} authorities. */
    private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
        List<SimpleGrantedAuthority> roles = jwt.getClaim("realm_access") instanceof Map<?, ?> access
                && access.get("roles") instanceof Collection<?> names
                ? names.stream().map(name -> new SimpleGrantedAuthority("ROLE_" + name)).toList() : List.of();
        return Mono.just(new JwtAuthenticationToken(jwt, roles));
    }

    private static RSAPublicKey publicKey(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the token signing key at " + location, e);
        }
    }
}
