package org.danvan.support.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A service that adds the resource-server starter becomes an OAuth2 resource server: every request needs
 * a valid token from the configured issuer (signature, expiry, issuer and client checked) except the configured public
 * endpoints and the actuator probes and metrics. What a caller may do with a resource (role and unit scope)
 * each service decides itself from {@link Callers#current()}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnClass({SecurityFilterChain.class, NimbusJwtDecoder.class})
@EnableConfigurationProperties(SecurityProperties.class)
public class DanvanSecurityAutoConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = properties.publicKeyLocation() != null && !properties.publicKeyLocation().isBlank()
                ? NimbusJwtDecoder.withPublicKey(publicKey(properties.publicKeyLocation())).build()
                : NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()
                        ? properties.jwkSetUri() : properties.issuer() + "/protocol/openid-connect/certs").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new AllowedClientValidator(properties.clients())));
        return new CachedJwtDecoder(decoder, properties.tokenCacheSize(), Clock.systemUTC());
    }

    /**
     * No observation of each security filter, authentication and authorisation: a tenth of a service's CPU on the
     * web's pages, telling nothing that http.server.requests and the refusal counters do not.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain danvanSecurityFilterChain(HttpSecurity http, SecurityProperties properties, MessageSource messages,
            MeterRegistry meters) throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(messages, meters);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                            "/actuator/info", "/error", "/v3/api-docs", "/v3/api-docs/**").permitAll();
                    for (String endpoint : properties.publicEndpoints()) {
                        String[] parts = endpoint.trim().split("\\s+", 2);
                        requests.requestMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server.jwt(jwt -> { })
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    private static RSAPublicKey publicKey(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the token signing key at " + location, e);
        }
    }
}
