package org.danvan.directive.directives;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.danvan.contracts.directive.ReportingDuty;
import org.danvan.contracts.directive.TargetPeriod;
import org.danvan.contracts.directive.TargetSpec;
import org.danvan.support.limits.MaxItems;

/**
 * A directive as a client submits it (DOMAIN §3). Recipients are explicit units and/or groups of units by
 * kind and level inside the issuer's subtree, resolved to the units open there on the issue date. A directive
 * with {@code validUntil} expires the day after. {@code draft} keeps it editable; otherwise it is issued at once.
 * {@code distributionList} ("Nơi nhận") names who receives a copy for information — free text or unit ids —
 * and creates no duty: only the recipients must act and report.
 */
public record DirectiveRequest(
        @NotBlank @Size(max = 64) String number,
        @NotNull DirectiveKind kind,
        @NotBlank @Size(max = 1000) String title,
        @Size(max = 1000) String focusTheme,
        @NotBlank String issuerUnitId,
        @NotNull LocalDate issuedOn,
        @Size(max = 200) String place,
        @Size(max = 200) String signer,
        @Size(max = 200) String signerTitle,
        @Size(max = 100_000) String body,
        @MaxItems List<@NotBlank String> implementsDirectiveIds,
        @MaxItems List<@NotBlank String> recipientUnitIds,
        @MaxItems List<@Valid @NotNull RecipientGroup> recipientGroups,
        @MaxItems List<@Valid @NotNull TaskRequest> tasks,
        @NotNull @MaxItems List<@Valid @NotNull TargetRequest> targets,
        @Valid DutyRequest reportingDuty,
        List<@NotBlank @Size(max = 500) String> distributionList,
        LocalDate validUntil,
        Boolean draft) {

    /** Every unit of a kind (or of any kind, when null) at a level under the issuer, as of the issue date. */
    public record RecipientGroup(String kind, @NotBlank String level) {
    }

    public record TaskRequest(
            @NotNull @Positive Integer number,
            @NotBlank @Size(max = 10_000) String text,
            @MaxItems List<@Valid @NotNull RecipientGroup> assigneeGroups,
            @MaxItems List<@NotBlank String> assigneeUnitIds,
            String leadUnitId,
            @MaxItems List<@NotBlank String> coordinatingUnitIds,
            LocalDate dueOn) {
    }

    public record TargetRequest(
            @NotBlank String indicatorCode,
            @NotNull TargetSpec.Comparator comparator,
            @NotNull BigDecimal threshold,
            BigDecimal upperThreshold,
            @NotNull TargetSpec.ThresholdUnit unit,
            @MaxItems List<String> levels,
            @MaxItems List<String> unitKinds,
            @NotNull @Valid PeriodRequest period,
            String description) {
    }

    public record PeriodRequest(@NotNull TargetPeriod.Type type, LocalDate from, LocalDate to) {
    }

    /** Every cadence the recipients report at; a single {@code cadence}, as clients sent it before, still counts. */
    public record DutyRequest(
            List<ReportingDuty.@NotNull Cadence> cadences,
            ReportingDuty.Cadence cadence,
            @PositiveOrZero int dueOffsetDays,
            @NotBlank String reportToUnitId,
            String viaUnitId) {

        List<ReportingDuty.Cadence> allCadences() {
            List<ReportingDuty.Cadence> all = new java.util.ArrayList<>(cadences == null ? List.of() : cadences);
            if (cadence != null) {
                all.add(cadence);
            }
            return all;
        }
    }
}
