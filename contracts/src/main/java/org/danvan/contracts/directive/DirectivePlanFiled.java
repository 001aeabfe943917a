package org.danvan.contracts.directive;

import java.time.LocalDate;

/**
 * {@code danvan.directive.plan-filed.v1}: a recipient unit filed its implementing plan — a directive of its
 * own ({@code planDirectiveId}) that implements this one.
 */
public record DirectivePlanFiled(String directiveId, String unitId, String planDirectiveId, LocalDate filedOn) {
}
