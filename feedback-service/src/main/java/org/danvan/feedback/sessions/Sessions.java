package org.danvan.feedback.sessions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.danvan.feedback.cases.CaseKind;
import org.danvan.feedback.cases.CaseFiling;
import org.danvan.feedback.petitions.Petitions;
import org.danvan.feedback.units.UnitDirectory;
import org.danvan.feedback.units.UnitInfo;
import org.danvan.support.aggregate.AggregateWrites;
import org.danvan.support.problem.ConflictException;
import org.danvan.support.problem.ForbiddenException;
import org.danvan.support.problem.InvalidRequestException;
import org.danvan.support.problem.InvalidRequestException.Violation;
import org.danvan.support.problem.ResourceNotFoundException;
import org.danvan.support.security.Caller;
import org.danvan.support.security.Roles;
import org.springframework.stereotype.Service;

/**
 * Reception days and dialogue conferences: who hosted them, what citizens raised (each matter can become a
 * case) and what was promised, followed up to fulfilment; plus the check of secretaries who received
 * citizens less often than required.
 */
@Service
public class Sessions {

    private final SessionRepository repository;
    private final UnitDirectory units;
    private final CaseFiling cases;
    private final Petitions petitions;
    private final SessionsProperties properties;
    private final AggregateWrites writes;
    private final Clock clock;

    Sessions(SessionRepository repository, UnitDirectory units, CaseFiling cases, Petitions petitions, SessionsProperties properties,
            AggregateWrites writes, Clock clock) {
        this.repository = repository;
        this.writes = writes;
        this.units = units;
        this.cases = cases;
        this.petitions = petitions;
        this.properties = properties;
        this.clock = clock;
    }

    SessionView record(SessionRequests.Record request, Caller caller) {
        requireStaff(caller);
        List<Violation> violations = new ArrayList<>();
        if (!units.isWithin(request.hostUnitId(), caller.unitId())) {
            violations.add(new Violation("hostUnitId", "session.unit-out-of-scope", request.hostUnitId()));
        }
        List<SessionRequests.CommitmentRequest> commitments = request.commitments() == null ? List.of() : request.commitments();
        for (int i = 0; i < commitments.size(); i++) {
            if (units.find(commitments.get(i).responsibleUnitId()).isEmpty()) {
                violations.add(new Violation("commitments[" + i + "].responsibleUnitId", "case.unknown-unit",
                        commitments.get(i).responsibleUnitId()));
            }
        }
        if (request.petitionId() != null && !petitions.existsWithin(request.petitionId(), caller.unitId())) {
            violations.add(new Violation("petitionId", "session.unknown-petition", request.petitionId()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return SessionView.of(writes.insert(Session.held(UUID.randomUUID().toString(), request)));
    }

    /**
     * Files a matter raised at the session as a case (channel RECEPTION_SESSION) and links it. The case is
     * filed under an id derived from the matter, so a retry after a failed link finds the same case.
     */
    SessionView fileMatter(String id, int number, SessionRequests.MatterCase request, Caller caller) {
        Session session = load(id, caller);
        Session.Matter matter = session.matter(number);
        if (matter.caseId() != null) {
            return SessionView.of(session);
        }
        CaseKind kind;
        try {
            kind = CaseKind.valueOf(request.kind());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new Violation("kind", "session.unknown-case-kind", request.kind())));
        }
        String caseId = cases.fileFromSession(id + "/" + number, kind, summary(matter.summary()), matter.summary(),
                request.areaUnitId(), session.heldOn, caller.subject());
        session.fileMatter(number, caseId);
        return SessionView.of(writes.update(session));
    }

    SessionView fulfil(String id, int number, SessionRequests.Fulfil request, Caller caller) {
        Session session = load(id, caller);
        LocalDate on = request == null || request.on() == null ? LocalDate.now(clock) : request.on();
        if (!session.fulfil(number, on, request == null ? null : request.note())) {
            return SessionView.of(session);
        }
        return SessionView.of(writes.update(session));
    }

    /** Publishes, once each, the commitments whose due date passed unfulfilled; returns how many. */
    int reportDueCommitments(LocalDate today) {
        int reported = 0;
        for (Session session : repository.findByCommitmentsDueOnBefore(today)) {
            int due = session.reportDue(today);
            if (due == 0) {
                continue;
            }
            try {
                writes.update(session);
                reported += due;
            } catch (ConflictException e) {
                // changed meanwhile (a commitment fulfilled?): the next run decides on its new state
            }
        }
        return reported;
    }

    /** Units of the subtree whose secretary received citizens on fewer days in {@code month} than required. */
    List<ReceptionShortfall> receptionShortfalls(String unitId, YearMonth month, Caller caller) {
        requireStaff(caller);
        String root = unitId == null ? caller.unitId() : unitId;
        if (!units.isWithin(root, caller.unitId())) {
            throw new ResourceNotFoundException("unit", root);
        }
        List<UnitInfo> hosts = units.openUnitsWithin(root).stream()
                .filter(u -> properties.receptionDaysPerMonth().containsKey(u.level()) && properties.hostKinds().contains(u.kind()))
                .toList();
        Set<String> hostIds = hosts.stream().map(UnitInfo::id).collect(Collectors.toSet());
        Map<String, Long> held = repository.findHeldBetween(hostIds, month.atDay(1), month.atEndOfMonth()).stream()
                .filter(s -> s.kind == SessionKind.RECEPTION_DAY && s.hostedBySecretary)
                .collect(Collectors.groupingBy(s -> s.hostUnitId, Collectors.mapping(s -> s.heldOn, Collectors.collectingAndThen(
                        Collectors.toSet(), days -> (long) days.size()))));
        return hosts.stream()
                .map(u -> new ReceptionShortfall(u.id(), u.name(), u.level(), properties.receptionDaysPerMonth().get(u.level()),
                        held.getOrDefault(u.id(), 0L)))
                .filter(s -> s.daysHeld() < s.daysRequired())
                .sorted(Comparator.comparing(ReceptionShortfall::unitId))
                .toList();
    }

    SessionView get(String id, Caller caller) {
        return SessionView.of(load(id, caller));
    }

    List<SessionView> search(String unitId, LocalDate from, LocalDate to, Caller caller) {
        requireStaff(caller);
        String root = unitId == null ? caller.unitId() : unitId;
        Set<String> scope = units.subtree(caller.unitId());
        Set<String> within = units.subtree(root).stream().filter(scope::contains).collect(Collectors.toSet());
        return repository.findHeldBetween(within, from == null ? LocalDate.of(1900, 1, 1) : from,
                        to == null ? LocalDate.of(9999, 12, 31) : to).stream()
                .sorted(Comparator.comparing((Session s) -> s.heldOn).reversed())
                .map(SessionView::of).toList();
    }

    private Session load(String id, Caller caller) {
        requireStaff(caller);
        return repository.findById(id).filter(s -> units.isWithin(s.hostUnitId, caller.unitId()))
                .orElseThrow(() -> new ResourceNotFoundException("session", id));
    }

    private static void requireStaff(Caller caller) {
        if (!caller.hasAny(Roles.CADRE, Roles.REVIEWER)) {
            throw new ForbiddenException(List.of(Roles.CADRE, Roles.REVIEWER));
        }
    }

    private static String summary(String text) {
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }

    record ReceptionShortfall(String unitId, String name, String level, int daysRequired, long daysHeld) {
    }
}
