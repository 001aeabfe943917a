package org.danvan.feedback.identity;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Keys for citizen identities ({@code danvan.identity}): AES-256 keys by id (base64), the one that seals
 * new identities, and the HMAC key for pseudonyms. Older keys stay listed until a rotation re-sealed all.
 */
@Validated
@ConfigurationProperties("danvan.identity")
public record IdentityProperties(@NotBlank String activeKey, @NotEmpty Map<String, String> keys, @NotBlank String pseudonymKey) {
}
