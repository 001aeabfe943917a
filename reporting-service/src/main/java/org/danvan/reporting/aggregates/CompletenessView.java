package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.util.List;

/**
 * Completeness of one form below one unit over a period.
 *
 * @param formName        the form's name in the caller's language
 * @param expectedUnits   units of the form's levels open in the period below the unit
 * @param reportedUnits   expected units whose every due report is accepted
 * @param expectedReports one per expected unit and per form period inside the period
 * @param receivedReports accepted reports among the expected ones
 * @param onTime          received reports first submitted by their due date
 * @param late            received reports first submitted after it
 * @param completeness    received / expected × 100, null when nothing is expected
 * @param timeliness      on time / expected × 100
 * @param notReported     the units still owing reports, with the periods they owe
 */
public record CompletenessView(String formCode, String formName, String unitId, String period, int expectedUnits, int reportedUnits,
        int expectedReports, int receivedReports, int onTime, int late, BigDecimal completeness,
        BigDecimal timeliness, List<Missing> notReported) {

    public record Missing(String unitId, String code, String name, String level, List<String> missingPeriods) {
    }
}
