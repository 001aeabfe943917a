package org.danvan.contracts.reporting;

import java.math.BigDecimal;

/**
 * {@code danvan.target.attainment-changed.v1}: a unit's attainment of a directive's target for a period
 * changed. {@code unitId} is null for the target as a whole (the directive's issuer and everything in
 * scope below it); {@code value} is null when there is no data.
 *
 * @param status MET, NOT_MET, AT_RISK or NO_DATA
 */
public record TargetAttainmentChanged(String directiveId, String targetId, String indicatorCode, String unitId,
        String period, String status, String previousStatus, BigDecimal value) {
}
