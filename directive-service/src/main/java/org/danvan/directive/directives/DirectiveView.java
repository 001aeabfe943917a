package org.danvan.directive.directives;

import java.time.LocalDate;
import java.util.List;

/**
 * A directive as the API returns it: its current version's content, the recipients that content resolved
 * to on the issue date, its lifecycle; {@code storeVersion} is its ETag.
 */
public record DirectiveView(
        String id,
        int version,
        DirectiveStatus status,
        DirectiveContent content,
        List<String> recipients,
        List<String> changes,
        LocalDate endedOn,
        String endReason,
        String supersededBy,
        @com.fasterxml.jackson.annotation.JsonIgnore long storeVersion) {
}
