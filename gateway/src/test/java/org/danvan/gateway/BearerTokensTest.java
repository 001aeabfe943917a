package org.danvan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

/**
 * The front door's cheaper token and header checks decide exactly as Spring Security's own: the bearer token
 * converter on every header shape, the firewall's predicates against the expressions they replace.
 */
class BearerTokensTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl-_~+/";

    @Test
    void takesTheTokenAsSpringSecurityDoesFromEveryShapeOfHeader() {
        List<String> headers = List.of("Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT, "Bearer " + JWT + "==",
                "Bearer " + JWT + "=x", "Bearer ", "Bearer", "Bearer  " + JWT, "Bearer " + JWT + " ", "Bearer a b",
                "Bearer ==", "Bearer ab%cd", "Bearer é", "Bearerx " + JWT, "Basic dXNlcjpwYXNz", "Token abc", "");
        for (String header : headers) {
            assertThat(outcome(new BearerTokens(), header)).as(header).isEqualTo(outcome(new ServerBearerTokenAuthenticationConverter(), header));
        }
        assertThat(outcome(new BearerTokens(), "Bearer " + JWT)).isEqualTo("token " + JWT);
        assertThat(outcome(new BearerTokens(), "Bearer a b")).isEqualTo("refused");
        assertThat(outcome(new BearerTokens(), null)).isEqualTo("none");
    }

    @Test
    void headerRulesMatchTheFirewallExpressionsTheyReplace() {
        Pattern names = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
        Pattern values = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");
        Random random = new Random(20261130);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(6); length > 0; length--) {
                text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x20) + (random.nextBoolean() ? 0 : 0x7F)
                        : random.nextInt(random.nextBoolean() ? 0x3000 : Character.MAX_CODE_POINT + 1));
            }
            String sample = text.toString();
            assertThat(GatewaySecurity.printable(sample, false)).as(sample).isEqualTo(names.matcher(sample).matches());
            assertThat(GatewaySecurity.printable(sample, true)).as(sample).isEqualTo(values.matcher(sample).matches());
        }
        assertThat(GatewaySecurity.printable("Xã Tân Định\t", true)).isTrue();
        assertThat(GatewaySecurity.printable("a\tb", false)).isFalse();
        assertThat(GatewaySecurity.printable("a\u0000b", true)).isFalse();
        assertThat(GatewaySecurity.printable(null, true)).isTrue();
    }

    private static String outcome(ServerAuthenticationConverter converter, String header) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/units/X");
        if (header != null) {
            request.header(HttpHeaders.AUTHORIZATION, header);
        }
        try {
            Authentication authentication = converter.convert(MockServerWebExchange.from(request)).block();
            return authentication == null ? "none" : "token " + ((BearerTokenAuthenticationToken) authentication).getToken();
        } catch (OAuth2AuthenticationException e) {
            return "refused";
        }
    }
}
