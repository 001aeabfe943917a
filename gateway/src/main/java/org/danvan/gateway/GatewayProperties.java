package org.danvan.gateway;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxRequestSize largest request body the gateway lets through
 * @param maxImportSize  largest body of a bulk import ({@code .../import}), e.g. a whole unit tree
 */
@Validated
@ConfigurationProperties("danvan.gateway")
record GatewayProperties(@NotNull @DefaultValue("5MB") DataSize maxRequestSize,
        @NotNull @DefaultValue("200MB") DataSize maxImportSize) {
}
