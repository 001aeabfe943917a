package org.danvan.web.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the gateway answers: the only door to the platform's API. */
@ConfigurationProperties("danvan.web")
public record WebProperties(String gatewayUrl) {
}
