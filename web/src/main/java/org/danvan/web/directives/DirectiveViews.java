package org.danvan.web.directives;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Directives as directive-service answers them: only what the pages show. */
public final class DirectiveViews {

    /** The statuses in which recipients acknowledge a directive: it is in force. */
    static final List<String> IN_FORCE = List.of("ISSUED", "AMENDED");

    private DirectiveViews() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Directive(String id, int version, String status, Content content, List<String> recipients, List<String> changes,
            LocalDate endedOn, String endReason, String supersededBy) {

        public Directive {
            recipients = recipients == null ? List.of() : recipients;
            changes = changes == null ? List.of() : changes;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Content(String number, String kind, String title, String focusTheme, String issuerUnitId, LocalDate issuedOn,
            String place, String signer, String signerTitle, String body, List<String> recipientUnitIds,
            List<Group> recipientGroups, List<Task> tasks, List<Target> targets, Duty reportingDuty,
            List<String> distributionList, LocalDate validUntil) {

        public Content {
            recipientGroups = recipientGroups == null ? List.of() : recipientGroups;
            tasks = tasks == null ? List.of() : tasks;
            targets = targets == null ? List.of() : targets;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(String kind, String level) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Task(Integer number, String text, List<Group> assigneeGroups, List<String> assigneeUnitIds, String leadUnitId,
            List<String> coordinatingUnitIds, LocalDate dueOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String targetId, String indicatorCode, String comparator, BigDecimal threshold, BigDecimal upperThreshold,
            String unit, List<String> levels, List<String> unitKinds, Period period, String description) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(String type, LocalDate from, LocalDate to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Duty(List<String> cadences, Integer dueOffsetDays, String reportToUnitId, String viaUnitId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Directive> items, int page, int size, long total) {

        public Page {
            items = items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Compliance(String directiveId, String number, LocalDate asOf, int recipients, int acknowledged, int withPlan,
            int withoutPlanAfterDays, List<String> withoutPlan, List<Level> byLevel) {

        public Compliance {
            withoutPlan = withoutPlan == null ? List.of() : withoutPlan;
            byLevel = byLevel == null ? List.of() : byLevel;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Level(String level, int recipients, int acknowledged, int withPlan) {
    }

    /** A reporting-service indicator a target may name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String code, String name) {
    }
}
