package org.danvan.support.limits;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much one request may ask for. Every list a request body carries is bounded ({@link MaxItems}), so a
 * hostile or mistaken request with thousands of items is refused at once instead of holding a worker for
 * a minute.
 *
 * @param maxItems the most items any list in a request body may have
 */
@Validated
@ConfigurationProperties("danvan.limits")
public record RequestLimits(@Positive @DefaultValue("200") int maxItems) {
}
