package org.danvan.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/**
 * The gateway as the pages' tests see it: a {@link MockRestServiceServer} answering the calls the pages make,
 * in any order; {@code @Import(GatewayStub.class)} and inject the server to set its expectations.
 */
@TestConfiguration
public class GatewayStub {

    public static final String GATEWAY = "http://gateway.test";

    private final RestClient.Builder builder = RestClient.builder().baseUrl(GATEWAY);

    @Bean
    MockRestServiceServer gatewayServer() {
        return MockRestServiceServer.bindTo(builder).ignoreExpectOrder(true).build();
    }

    @Bean
    @Primary
    RestClient stubbedGateway(MockRestServiceServer gatewayServer) {
        return builder.build();
    }
}
