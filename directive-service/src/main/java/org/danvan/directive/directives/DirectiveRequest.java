package org.danvan.directive.directives;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.danvan.contracts.directive.ReportingDuty;
import org.danvan.contracts.directive.TargetPeriod;
import org.danvan.contracts.directive.TargetSpec;

/** A directive as a client submits it. */
public record DirectiveRequest(
        @NotBlank @Size(max = 64) String number,
        @NotNull DirectiveKind kind,
        @NotBlank @Size(max = 1000) String title,
        @NotBlank String issuerUnitId,
        @NotNull LocalDate issuedOn,
        List<@NotBlank String> recipientUnitIds,
        @NotNull List<@Valid @NotNull TargetRequest> targets,
        @Valid DutyRequest reportingDuty) {

    public record TargetRequest(
            @NotBlank String indicatorCode,
            @NotNull TargetSpec.Comparator comparator,
            @NotNull BigDecimal threshold,
            BigDecimal upperThreshold,
            @NotNull TargetSpec.ThresholdUnit unit,
            List<String> levels,
            List<String> unitKinds,
            @NotNull @Valid PeriodRequest period,
            String description) {
    }

    public record PeriodRequest(@NotNull TargetPeriod.Type type, LocalDate from, LocalDate to) {
    }

    public record DutyRequest(
            @NotNull ReportingDuty.Cadence cadence,
            @PositiveOrZero int dueOffsetDays,
            @NotBlank String reportToUnitId,
            String viaUnitId) {
    }
}
