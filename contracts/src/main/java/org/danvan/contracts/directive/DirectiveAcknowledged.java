package org.danvan.contracts.directive;

import java.time.LocalDate;

/** {@code danvan.directive.acknowledged.v1}: a recipient unit acknowledged receiving a directive. */
public record DirectiveAcknowledged(String directiveId, String unitId, LocalDate acknowledgedOn) {
}
