package org.danvan.reporting.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.reporting.ReportAccepted;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.reporting.catalogue.Catalogue;
import org.danvan.reporting.catalogue.NotFound;
import org.danvan.reporting.forms.ReportForm;
import org.danvan.reporting.forms.ReportForms;
import org.danvan.reporting.forms.ReportingPeriod;
import org.danvan.support.outbox.OutboxEvent;
import org.danvan.support.problem.InvalidRequestException;
import org.danvan.support.problem.InvalidRequestException.Violation;
import org.danvan.support.problem.PreconditionFailedException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The lifecycle of periodic reports: draft → submitted → returned | accepted, returned → submitted again.
 * An accepted report is locked; a correction is an audited revision that replaces its values, and every
 * acceptance or revision is published as {@code danvan.report.accepted.v1} in the same document write.
 */
@Service
class Reports {

    private final ReportRepository repository;
    private final MongoTemplate mongo;
    private final ReportForms forms;
    private final Catalogue catalogue;
    private final ReportsProperties properties;
    private final MeterRegistry meters;

    private final Clock clock;

    Reports(ReportRepository repository, MongoTemplate mongo, ReportForms forms, Catalogue catalogue,
            ReportsProperties properties, MeterRegistry meters, Clock clock) {
        this.repository = repository;
        this.mongo = mongo;
        this.forms = forms;
        this.catalogue = catalogue;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        // the store, not a prior read, keeps a second report for the same form, unit and period out
        mongo.indexOps(ReportDocument.class).createIndex(new Index().on("formCode", Sort.Direction.ASC)
                .on("unitId", Sort.Direction.ASC).on("period", Sort.Direction.ASC).unique().named("form_unit_period"));
        mongo.indexOps(ReportDocument.class).createIndex(new Index().on("unitId", Sort.Direction.ASC).on("period", Sort.Direction.ASC));
    }

    /** What a report's header and values came to: what is valid, and every violation found. */
    /** The submission counters exist at zero from the start, so the dashboards' daily rates see the first one. */
    @EventListener(ApplicationReadyEvent.class)
    void registerCounters() {
        forms.all().forEach(form -> List.of("true", "false").forEach(late ->
                meters.counter("danvan.reports.submitted", "form", form.code(), "late", late)));
    }

    record Checked(ReportForm form, ReportingPeriod period, Map<String, ReportValue> values, List<Violation> violations) {
    }

    /** A search over reports; null filters are left out. */
    /** {@code within}: the units the caller may see (null: all). */
    record Filter(String unitId, String period, String formCode, ReportStatus status, java.util.Set<String> within) {
    }

    Checked check(String formCode, String periodText, Map<String, ReportValidation.RawValue> raw, boolean complete) {
        List<Violation> violations = new ArrayList<>();
        Optional<ReportForm> form = forms.find(formCode);
        if (form.isEmpty()) {
            violations.add(new Violation("formCode", "report.unknown-form", formCode));
        }
        Optional<ReportingPeriod> period = ReportingPeriod.parse(periodText);
        if (period.isEmpty()) {
            violations.add(new Violation("period", "report.bad-period", periodText));
        } else if (form.isPresent() && period.get().type() != form.get().periodType()) {
            violations.add(new Violation("period", "report.period-type", periodText, form.get().code(),
                    form.get().periodType().name()));
        }
        if (form.isEmpty()) {
            return new Checked(null, period.orElse(null), Map.of(), violations);
        }
        Map<String, ReportValue> values = ReportValidation.values(form.get(), catalogue.elementsByCode(),
                raw == null ? Map.of() : raw, violations);
        ReportValidation.rules(form.get(), values, complete, LocaleContextHolder.getLocale(), violations);
        return new Checked(form.get(), period.orElse(null), values, violations);
    }

    ReportView create(String formCode, String unitId, String periodText, Map<String, ReportValidation.RawValue> raw) {
        Checked checked = valid(check(formCode, periodText, raw, false));
        if (repository.existsByFormCodeAndUnitIdAndPeriod(formCode, unitId, checked.period().toString())) {
            throw new ReportProblems.DuplicateReport(formCode, unitId, checked.period().toString());
        }
        ReportDocument report = newReport(checked, unitId);
        try {
            return ReportView.of(repository.insert(report));
        } catch (DuplicateKeyException e) {
            throw new ReportProblems.DuplicateReport(formCode, unitId, report.period);
        }
    }

    /** A new draft of checked values; the caller stores it. */
    ReportDocument newReport(Checked checked, String unitId) {
        ReportDocument report = new ReportDocument();
        report.id = UUID.randomUUID().toString();
        report.formCode = checked.form().code();
        report.unitId = unitId;
        report.period = checked.period().toString();
        report.status = ReportStatus.DRAFT;
        report.values = new LinkedHashMap<>(checked.values());
        report.createdAt = clock.instant();
        report.dueOn = checked.period().end().plusDays(properties.graceDays());
        return report;
    }

    /** Edits the values of a draft or returned report; the new values replace the old ones. */
    ReportView updateValues(String id, Map<String, ReportValidation.RawValue> raw, String ifMatch) {
        ReportDocument report = load(id, ifMatch);
        report.status = ReportLifecycle.next(report.status, ReportAction.EDIT);
        report.values = new LinkedHashMap<>(valid(check(report.formCode, report.period, raw, false)).values());
        return save(report);
    }

    ReportView submit(String id, String ifMatch) {
        ReportDocument report = load(id, ifMatch);
        ReportStatus next = ReportLifecycle.next(report.status, ReportAction.SUBMIT);
        valid(check(report.formCode, report.period, raw(report.values), true));
        markSubmitted(report, next);
        return save(report);
    }

    void markSubmitted(ReportDocument report, ReportStatus next) {
        LocalDate today = today();
        report.status = next;
        report.submittedOn = today;
        if (report.firstSubmittedOn == null) {
            report.firstSubmittedOn = today;
            report.late = today.isAfter(report.dueOn);
            meters.counter("danvan.reports.submitted", "form", report.formCode, "late", Boolean.toString(report.late))
                    .increment();
        }
    }

    ReportView returnForCorrection(String id, List<String> reasons, String ifMatch) {
        ReportDocument report = load(id, ifMatch);
        report.status = ReportLifecycle.next(report.status, ReportAction.RETURN);
        report.returns.add(new ReportDocument.Return(today(), List.copyOf(reasons)));
        return save(report);
    }

    ReportView accept(String id, String ifMatch) {
        ReportDocument report = load(id, ifMatch);
        report.status = ReportLifecycle.next(report.status, ReportAction.ACCEPT);
        report.acceptedOn = today();
        addRevision(report, null);
        meters.counter("danvan.reports.accepted", "form", report.formCode).increment();
        return save(report);
    }

    /** An audited correction of an accepted report: the new values replace the old, which stay readable. */
    ReportView revise(String id, Map<String, ReportValidation.RawValue> raw, String reason, String ifMatch) {
        ReportDocument report = load(id, ifMatch);
        report.status = ReportLifecycle.next(report.status, ReportAction.REVISE);
        report.values = new LinkedHashMap<>(valid(check(report.formCode, report.period, raw, true)).values());
        addRevision(report, reason);
        meters.counter("danvan.reports.revised", "form", report.formCode).increment();
        return save(report);
    }

    private void addRevision(ReportDocument report, String reason) {
        LocalDate today = today();
        report.revision++;
        report.revisions.add(new ReportDocument.Revision(report.revision, new LinkedHashMap<>(report.values), reason, today));
        Map<String, ReportAccepted.ReportedValue> values = new LinkedHashMap<>();
        report.values.forEach((code, v) -> values.put(code, new ReportAccepted.ReportedValue(v.value(), v.provisional(), v.estimated())));
        report.outbox.add(OutboxEvent.of(ReportingContract.REPORT_ACCEPTED, report.id, new ReportAccepted(report.id,
                report.revision, report.formCode, report.unitId, report.period, values, report.late, today)));
    }

    ReportView get(String id) {
        return ReportView.of(find(id));
    }

    /** Every accepted revision, oldest first; empty until the report is accepted. */
    List<ReportView.RevisionView> revisions(String id) {
        return find(id).revisions.stream().map(ReportView::of).toList();
    }

    List<ReportView> search(Filter filter, int page, int size) {
        // the caller's scope is its own clause, so it combines with a unit filter on the same field
        Criteria criteria = filter.within() == null ? new Criteria()
                : new Criteria().andOperator(Criteria.where("unitId").in(filter.within()));
        if (filter.unitId() != null) {
            criteria.and("unitId").is(filter.unitId());
        }
        if (filter.period() != null) {
            criteria.and("period").is(ReportingPeriod.parse(filter.period()).map(ReportingPeriod::toString).orElse(filter.period()));
        }
        if (filter.formCode() != null) {
            criteria.and("formCode").is(filter.formCode());
        }
        if (filter.status() != null) {
            criteria.and("status").is(filter.status());
        }
        Query query = Query.query(criteria).with(Sort.by("period", "unitId", "formCode")).skip((long) page * size).limit(size);
        return mongo.find(query, ReportDocument.class).stream().map(ReportView::of).toList();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Checked valid(Checked checked) {
        if (!checked.violations().isEmpty()) {
            throw new InvalidRequestException(checked.violations());
        }
        return checked;
    }

    private static Map<String, ReportValidation.RawValue> raw(Map<String, ReportValue> values) {
        Map<String, ReportValidation.RawValue> raw = new LinkedHashMap<>();
        values.forEach((code, v) -> raw.put(code, new ReportValidation.RawValue(v.value(), v.provisional(), v.estimated())));
        return raw;
    }

    private ReportDocument find(String id) {
        return repository.findById(id).orElseThrow(() -> new NotFound("report", id));
    }

    private ReportDocument load(String id, String ifMatch) {
        ReportDocument report = find(id);
        PreconditionFailedException.check(ifMatch, report.storeVersion == null ? 0 : report.storeVersion);
        return report;
    }

    /** A concurrent change between our read and write is the same conflict as a stale If-Match. */
    private ReportView save(ReportDocument report) {
        try {
            return ReportView.of(repository.save(report));
        } catch (OptimisticLockingFailureException e) {
            long current = repository.findById(report.id).map(r -> r.storeVersion).orElse(0L);
            throw new PreconditionFailedException(PreconditionFailedException.etag(report.storeVersion),
                    PreconditionFailedException.etag(current));
        }
    }
}
