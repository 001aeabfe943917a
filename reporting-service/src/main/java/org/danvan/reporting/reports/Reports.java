package org.danvan.reporting.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.reporting.catalogue.Catalogue;
import org.danvan.reporting.catalogue.NotFound;
import org.danvan.reporting.forms.ReportForm;
import org.danvan.reporting.forms.ReportForms;
import org.danvan.reporting.forms.ReportingPeriod;
import org.danvan.support.aggregate.AggregateWrites;
import org.danvan.support.persistence.DuplicateKeys;
import org.danvan.support.problem.InvalidRequestException;
import org.danvan.support.problem.InvalidRequestException.Violation;
import org.danvan.support.problem.PreconditionFailedException;
import org.springframework.context.i18n.LocaleContextHolder;
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
    private final AggregateWrites writes;

    Reports(ReportRepository repository, MongoTemplate mongo, ReportForms forms, Catalogue catalogue,
            ReportsProperties properties, MeterRegistry meters, Clock clock, AggregateWrites writes) {
        this.repository = repository;
        this.mongo = mongo;
        this.forms = forms;
        this.catalogue = catalogue;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.writes = writes;
        // the store, not a prior read, keeps a second report for the same form, unit and period out
        mongo.indexOps(Report.class).createIndex(new Index().on("formCode", Sort.Direction.ASC)
                .on("unitId", Sort.Direction.ASC).on("period", Sort.Direction.ASC).unique().named("form_unit_period"));
        mongo.indexOps(Report.class).createIndex(new Index().on("unitId", Sort.Direction.ASC).on("period", Sort.Direction.ASC));
    }

    /** The submission counters exist at zero from the start, so the dashboards' daily rates see the first one. */
    @EventListener(ApplicationReadyEvent.class)
    void registerCounters() {
        forms.all().forEach(form -> List.of("true", "false").forEach(late ->
                meters.counter("danvan.reports.submitted", "form", form.code(), "late", late)));
    }

    /** What a report's header and values came to: what is valid, and every violation found. */
    record Checked(ReportForm form, ReportingPeriod period, Map<String, ReportValue> values, List<Violation> violations) {
    }

    /** A search over reports; null filters are left out; {@code within}: the units the caller may see (null: all). */
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
        Report report = newReport(checked, unitId);
        if (!DuplicateKeys.firstWrite(() -> writes.insert(report))) {
            throw new ReportProblems.DuplicateReport(formCode, unitId, report.period());
        }
        return report.view();
    }

    /**
     * A new report submitted with values the caller checked complete, received on paper when {@code paper} is
     * given; {@link #insertSubmitted} stores it.
     */
    Report newSubmittedReport(Checked checked, String unitId, Report.Receipt paper) {
        Report report = newReport(checked, unitId);
        report.submit(() -> {
        }, today(), paper);
        return report;
    }

    /**
     * The receipt of a report received on paper on {@code receivedOn} and entered now by {@code enteredBy}, or
     * null without a date; a date after today or before the period began is a violation of {@code receivedOn}.
     */
    Report.Receipt receipt(LocalDate receivedOn, ReportingPeriod period, String enteredBy, List<Violation> violations) {
        if (receivedOn == null) {
            return null;
        }
        if (receivedOn.isAfter(today()) || receivedOn.isBefore(period.start())) {
            violations.add(new Violation("receivedOn", "report.received-on.out-of-range", receivedOn, period.start(), today()));
            return null;
        }
        return new Report.Receipt(receivedOn, enteredBy, clock.instant());
    }

    /** Stores new submitted reports, all or none: false, with none stored, if one of them exists meanwhile. */
    boolean insertSubmitted(List<Report> reports) {
        List<Report> stored = new ArrayList<>();
        for (Report report : reports) {
            if (!DuplicateKeys.firstWrite(() -> writes.insert(report))) {
                repository.deleteAllById(stored.stream().map(Report::id).toList());
                return false;
            }
            stored.add(report);
        }
        stored.forEach(this::countFirstSubmission);
        return true;
    }

    private Report newReport(Checked checked, String unitId) {
        return Report.draft(UUID.randomUUID().toString(), checked.form().code(), unitId, checked.period().toString(),
                checked.values(), clock.instant(), checked.period().end().plusDays(properties.graceDays()));
    }

    /** Edits the values of a draft or returned report; the new values replace the old ones. */
    ReportView updateValues(String id, Map<String, ReportValidation.RawValue> raw, String ifMatch) {
        Report report = load(id, ifMatch);
        report.edit(() -> valid(check(report.formCode(), report.period(), raw, false)).values());
        return update(report);
    }

    /** Submits a report; {@code receivedOn}, when given, is the day it was received on paper, entered by {@code enteredBy}. */
    ReportView submit(String id, String ifMatch, LocalDate receivedOn, String enteredBy) {
        Report report = load(id, ifMatch);
        List<Violation> violations = new ArrayList<>();
        Report.Receipt paper = receipt(receivedOn, ReportingPeriod.parse(report.period()).orElseThrow(), enteredBy, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        boolean first = report.submit(() -> valid(check(report.formCode(), report.period(), raw(report.values()), true)),
                today(), paper);
        ReportView view = update(report);
        if (first) {
            countFirstSubmission(report);
        }
        return view;
    }

    private void countFirstSubmission(Report report) {
        meters.counter("danvan.reports.submitted", "form", report.formCode(), "late", Boolean.toString(report.late())).increment();
    }

    ReportView returnForCorrection(String id, List<String> reasons, String ifMatch) {
        Report report = load(id, ifMatch);
        report.returnForCorrection(reasons, today());
        return update(report);
    }

    ReportView accept(String id, String ifMatch) {
        Report report = load(id, ifMatch);
        report.accept(today());
        ReportView view = update(report);
        meters.counter("danvan.reports.accepted", "form", report.formCode()).increment();
        return view;
    }

    /** An audited correction of an accepted report: the new values replace the old, which stay readable. */
    ReportView revise(String id, Map<String, ReportValidation.RawValue> raw, String reason, String ifMatch) {
        Report report = load(id, ifMatch);
        report.revise(() -> valid(check(report.formCode(), report.period(), raw, true)).values(), reason, today());
        ReportView view = update(report);
        meters.counter("danvan.reports.revised", "form", report.formCode()).increment();
        return view;
    }

    ReportView get(String id) {
        return find(id).view();
    }

    /** Every accepted revision, oldest first; empty until the report is accepted. */
    List<ReportView.RevisionView> revisions(String id) {
        return find(id).revisions().stream().map(ReportView::of).toList();
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
        return mongo.find(query, Report.class).stream().map(Report::view).toList();
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

    private Report find(String id) {
        return repository.findById(id).orElseThrow(() -> new NotFound("report", id));
    }

    private Report load(String id, String ifMatch) {
        Report report = find(id);
        PreconditionFailedException.check(ifMatch, report.storeVersion());
        return report;
    }

    /** One versioned write of the step; a change by someone else since our read is a 409 conflict. */
    private ReportView update(Report report) {
        return writes.update(report).view();
    }
}
