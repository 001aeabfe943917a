package org.danvan.reporting.duties;

import java.util.Map;

import org.danvan.contracts.directive.ReportingDuty;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param forms the report form a duty's recipients fill in for each cadence (SEMIANNUAL → DV-6T…); every cadence needs one */
@ConfigurationProperties("danvan.duties")
record DutiesProperties(Map<ReportingDuty.Cadence, String> forms) {

    DutiesProperties {
        forms = forms == null ? Map.of() : Map.copyOf(forms);
        for (ReportingDuty.Cadence cadence : ReportingDuty.Cadence.values()) {
            if (forms.get(cadence) == null || forms.get(cadence).isBlank()) {
                throw new IllegalStateException("danvan.duties.forms has no report form for " + cadence);
            }
        }
    }

    String formOf(ReportingDuty.Cadence cadence) {
        return forms.get(cadence);
    }
}
