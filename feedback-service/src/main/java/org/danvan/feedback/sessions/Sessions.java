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

import org.danvan.contracts.feedback.CommitmentDue;
import org.danvan.contracts.feedback.CommitmentFulfilled;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.contracts.feedback.SessionHeld;
import org.danvan.feedback.cases.CaseKind;
import org.danvan.feedback.cases.CaseIntake;
import org.danvan.feedback.petitions.Petitions;
import org.danvan.feedback.units.UnitDirectory;
import org.danvan.feedback.units.UnitInfo;
import org.danvan.support.outbox.OutboxEvent;
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
    private final CaseIntake cases;
    private final Petitions petitions;
    private final SessionsProperties properties;

    private final Clock clock;

    Sessions(SessionRepository repository, UnitDirectory units, CaseIntake cases, Petitions petitions, SessionsProperties properties, Clock clock) {
        this.repository = repository;
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
        SessionDocument session = new SessionDocument();
        session.id = UUID.randomUUID().toString();
        session.kind = request.kind();
        session.hostUnitId = request.hostUnitId();
        session.hostName = request.hostName();
        session.hostTitle = request.hostTitle();
        session.hostedBySecretary = Boolean.TRUE.equals(request.hostedBySecretary());
        session.heldOn = request.heldOn();
        session.place = request.place();
        session.attendees = request.attendees();
        session.petitionId = request.petitionId();
        List<String> matters = request.matters() == null ? List.of() : request.matters();
        for (int i = 0; i < matters.size(); i++) {
            session.matters.add(new SessionDocument.Matter(i + 1, matters.get(i), null));
        }
        for (int i = 0; i < commitments.size(); i++) {
            SessionRequests.CommitmentRequest c = commitments.get(i);
            session.commitments.add(new SessionDocument.Commitment(i + 1, c.text(), c.responsibleUnitId(), c.dueOn(), null, null, false));
        }
        session.outbox.add(OutboxEvent.of(FeedbackContract.SESSION_HELD, session.id, new SessionHeld(session.id, session.kind.name(),
                session.hostUnitId, session.hostedBySecretary, session.heldOn, session.attendees, session.matters.size(),
                session.commitments.size())));
        if (session.kind == SessionKind.DIALOGUE && session.petitionId != null) {
            petitions.dialogueHeld(session.petitionId, session.heldOn);
        }
        return SessionView.of(repository.save(session));
    }

    /** Files a matter raised at the session as a case (channel RECEPTION_SESSION) and links it. */
    SessionView fileMatter(String id, int number, SessionRequests.MatterCase request, Caller caller) {
        SessionDocument session = load(id, caller);
        SessionDocument.Matter matter = session.matters.stream().filter(m -> m.number() == number).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("matter", id + "/" + number));
        if (matter.caseId() != null) {
            return SessionView.of(session);
        }
        CaseKind kind;
        try {
            kind = CaseKind.valueOf(request.kind());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new Violation("kind", "session.unknown-case-kind", request.kind())));
        }
        String caseId = cases.fileFromSession(id + "/" + number, kind, summary(matter.summary()), matter.summary(), request.areaUnitId(),
                session.heldOn, caller.subject());
        session.matters.set(number - 1, new SessionDocument.Matter(number, matter.summary(), caseId));
        return SessionView.of(repository.save(session));
    }

    SessionView fulfil(String id, int number, SessionRequests.Fulfil request, Caller caller) {
        SessionDocument session = load(id, caller);
        SessionDocument.Commitment commitment = session.commitments.stream().filter(c -> c.number() == number).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("commitment", id + "/" + number));
        if (commitment.fulfilledOn() != null) {
            return SessionView.of(session);
        }
        LocalDate on = request == null || request.on() == null ? LocalDate.now(clock) : request.on();
        session.commitments.set(number - 1, new SessionDocument.Commitment(number, commitment.text(), commitment.responsibleUnitId(),
                commitment.dueOn(), on, request == null ? null : request.note(), commitment.dueReported()));
        session.outbox.add(OutboxEvent.of(FeedbackContract.COMMITMENT_FULFILLED, id, new CommitmentFulfilled(id, number,
                commitment.responsibleUnitId(), commitment.dueOn(), on, !on.isAfter(commitment.dueOn()))));
        return SessionView.of(repository.save(session));
    }

    /** Publishes, once each, the commitments whose due date passed unfulfilled; returns how many. */
    int reportDueCommitments(LocalDate today) {
        int reported = 0;
        for (SessionDocument session : repository.findByCommitmentsDueOnBefore(today)) {
            boolean changed = false;
            for (int i = 0; i < session.commitments.size(); i++) {
                SessionDocument.Commitment c = session.commitments.get(i);
                if (c.fulfilledOn() == null && !c.dueReported() && c.dueOn().isBefore(today)) {
                    session.commitments.set(i, new SessionDocument.Commitment(c.number(), c.text(), c.responsibleUnitId(),
                            c.dueOn(), null, c.note(), true));
                    session.outbox.add(OutboxEvent.of(FeedbackContract.COMMITMENT_DUE, session.id,
                            new CommitmentDue(session.id, c.number(), c.responsibleUnitId(), c.dueOn(), today)));
                    changed = true;
                    reported++;
                }
            }
            if (changed) {
                repository.save(session);
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
                .sorted(Comparator.comparing((SessionDocument s) -> s.heldOn).reversed())
                .map(SessionView::of).toList();
    }

    private SessionDocument load(String id, Caller caller) {
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
