package org.danvan.web.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The client every page uses to call the API through the gateway: with the signed-in user's access token
 * (none for a citizen without an account) and the page's language, so problems come back in it.
 */
@Configuration
class GatewayConfiguration {

    @Bean
    RestClient gateway(RestClient.Builder builder, WebProperties properties, OAuth2AuthorizedClientManager authorizedClients) {
        OAuth2ClientHttpRequestInterceptor userToken = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        userToken.setClientRegistrationIdResolver(request -> {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            return user instanceof OAuth2AuthenticationToken signedIn ? signedIn.getAuthorizedClientRegistrationId() : null;
        });
        return builder.baseUrl(properties.gatewayUrl())
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(HttpHeaders.ACCEPT_LANGUAGE, LocaleContextHolder.getLocale().toLanguageTag());
                    return execution.execute(request, body);
                })
                .requestInterceptor(userToken)
                .build();
    }
}
