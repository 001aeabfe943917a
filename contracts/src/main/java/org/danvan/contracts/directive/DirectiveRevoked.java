package org.danvan.contracts.directive;

import java.time.LocalDate;

/**
 * {@code danvan.directive.revoked.v1}: a directive stopped applying on {@code effectiveOn}, because it was
 * revoked or, with {@code supersededBy}, replaced by another directive. Its targets no longer apply after
 * that date; figures before it still count against them.
 */
public record DirectiveRevoked(String directiveId, int version, LocalDate effectiveOn, String reason, String supersededBy) {
}
