package org.danvan.feedback.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.danvan.feedback.cases.CaseAccess.Need;
import org.danvan.feedback.deadlines.Deadlines;
import org.danvan.feedback.units.UnitDirectory;
import org.danvan.feedback.units.UnitInfo;
import org.danvan.support.aggregate.AggregateWrites;
import org.danvan.support.problem.InvalidRequestException;
import org.danvan.support.problem.InvalidRequestException.Violation;
import org.danvan.support.security.Caller;
import org.springframework.stereotype.Service;

/**
 * The handling steps of a case: each loads the case within the caller's role and scope, lets the case take
 * the step and writes it (state and event) in one versioned write.
 */
@Service
class Cases {

    private final CaseAccess access;
    private final AggregateWrites writes;
    private final UnitDirectory units;
    private final CaseRouting routing;
    private final Deadlines deadlines;
    private final CaseMetrics metrics;
    private final CasesProperties properties;
    private final Clock clock;

    Cases(CaseAccess access, AggregateWrites writes, UnitDirectory units, CaseRouting routing, Deadlines deadlines,
            CaseMetrics metrics, CasesProperties properties, Clock clock) {
        this.access = access;
        this.writes = writes;
        this.units = units;
        this.routing = routing;
        this.deadlines = deadlines;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    CaseView accept(String id, CaseRequests.Accept request, String ifMatch, Caller caller) {
        return step(id, ifMatch, caller, Need.DECIDE,
                c -> c.accept(by(caller), request.on(), request.complexity(), request.note(), deadlines));
    }

    CaseView refuse(String id, CaseRequests.Refuse request, String ifMatch, Caller caller) {
        return step(id, ifMatch, caller, Need.DECIDE, c -> c.refuse(by(caller), request.on(),
                request.reasons().stream().map(Enum::name).toList(), request.note()));
    }

    CaseView assign(String id, CaseRequests.Assign request, String ifMatch, Caller caller) {
        return step(id, ifMatch, caller, Need.DECIDE, c -> {
            UnitInfo unit = units.find(request.unitId()).filter(UnitInfo::open).orElseThrow(() -> new InvalidRequestException(
                    List.of(new Violation("unitId", "case.unknown-unit", request.unitId()))));
            c.assign(by(caller), request.on(), unit.id(), request.reason());
        });
    }

    CaseView start(String id, CaseRequests.Step request, String ifMatch, Caller caller) {
        return step(id, ifMatch, caller, Need.WORK, c -> c.start(by(caller), request == null ? null : request.note()));
    }

    CaseView extend(String id, CaseRequests.Extend request, String ifMatch, Caller caller) {
        return step(id, ifMatch, caller, Need.DECIDE,
                c -> c.extend(by(caller), request.on(), request.complexity(), request.reason(), deadlines));
    }

    CaseView resolve(String id, CaseRequests.Resolve request, String ifMatch, Caller caller) {
        Case resolved = access.load(id, ifMatch, caller, Need.WORK);
        boolean onTime = resolved.resolve(by(caller), request.on(), request.summary());
        CaseView view = view(writes.update(resolved));
        metrics.resolved(resolved, onTime);
        return view;
    }

    CaseView explain(String id, CaseRequests.Explain request, String ifMatch, Caller caller) {
        return step(id, ifMatch, caller, Need.WORK,
                c -> c.explain(by(caller), request.on(), request.explanation(), request.roadmap()));
    }

    CaseView roadmapProgress(String id, CaseRequests.RoadmapProgress request, String ifMatch, Caller caller) {
        return step(id, ifMatch, caller, Need.WORK,
                c -> c.roadmapProgress(by(caller), request.step(), request.status(), request.note()));
    }

    CaseView close(String id, CaseRequests.Step request, String ifMatch, Caller caller) {
        return step(id, ifMatch, caller, Need.DECIDE, c -> c.close(by(caller), request == null ? null : request.on(),
                request == null ? null : request.note()));
    }

    CaseView reopen(String id, CaseRequests.Reopen request, String ifMatch, Caller caller) {
        return step(id, ifMatch, caller, Need.DECIDE,
                c -> c.reopen(by(caller), request.on(), request.reason(), routing::nextAuthority, deadlines));
    }

    /** Only this case is written; the case it goes into absorbs it from the merged event ({@link CaseMerges}). */
    CaseView merge(String id, CaseRequests.Merge request, String ifMatch, Caller caller) {
        return step(id, ifMatch, caller, Need.DECIDE,
                c -> c.mergeInto(access.load(request.intoCaseId(), null, caller, Need.DECIDE), by(caller), request.on()));
    }

    CaseView addNote(String id, CaseRequests.Note request, Caller caller) {
        return step(id, null, caller, Need.READ,
                c -> c.addNote(by(caller), "note", request.note(), Boolean.TRUE.equals(request.visibleToCitizen())));
    }

    CaseView get(String id, Caller caller) {
        return view(access.load(id, null, caller, Need.READ));
    }

    private CaseView step(String id, String ifMatch, Caller caller, Need need, Consumer<Case> step) {
        Case c = access.load(id, ifMatch, caller, need);
        step.accept(c);
        return view(writes.update(c));
    }

    private Actor by(Caller caller) {
        return Actor.of(caller.subject(), clock);
    }

    private CaseView view(Case c) {
        return CaseView.of(c, LocalDate.now(clock), properties.prolongedAfterDays(), deadlines);
    }
}
