package org.danvan.feedback.cases;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.danvan.contracts.feedback.CaseSubmitted;
import org.danvan.feedback.deadlines.Complexity;
import org.danvan.feedback.deadlines.DeadlineStep;
import org.danvan.feedback.deadlines.Deadlines;
import org.danvan.feedback.identity.CitizenIdentity;
import org.danvan.feedback.identity.IdentityVault;
import org.danvan.feedback.identity.SealedIdentity;
import org.danvan.feedback.units.UnitDirectory;
import org.danvan.feedback.units.UnitInfo;
import org.danvan.support.aggregate.AggregateWrites;
import org.danvan.support.persistence.DuplicateKeys;
import org.danvan.support.problem.InvalidRequestException;
import org.danvan.support.problem.InvalidRequestException.Violation;
import org.danvan.support.security.Caller;
import org.danvan.support.text.VietnameseText;
import org.springframework.stereotype.Service;

/**
 * Every way a case comes in: filed by a citizen or at the counter, raised at a session, or submitted by
 * another portal. The case is routed to its handling unit, its acceptance deadline computed once and the
 * citizen's identity sealed in the vault; the case and its received event are one insert.
 */
@Service
public class CaseFiling {

    private final CaseRepository repository;
    private final AggregateWrites writes;
    private final UnitDirectory units;
    private final CaseRouting routing;
    private final Deadlines deadlines;
    private final IdentityVault vault;
    private final TrackingCodes codes;
    private final CasesProperties properties;
    private final CaseMetrics metrics;
    private final Clock clock;

    CaseFiling(CaseRepository repository, AggregateWrites writes, UnitDirectory units, CaseRouting routing, Deadlines deadlines,
            IdentityVault vault, TrackingCodes codes, CasesProperties properties, CaseMetrics metrics, Clock clock) {
        this.repository = repository;
        this.writes = writes;
        this.units = units;
        this.routing = routing;
        this.deadlines = deadlines;
        this.vault = vault;
        this.codes = codes;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What a new case is made of, once validated and routed. */
    record Filing(String id, String trackingCode, String trackingSecretHash, CaseKind kind, String channel, String subject,
            String content, String searchText, String areaUnitId, String responsibleUnitId, String filedWithUnitId,
            boolean overLevel, boolean remoteArea, LocalDate receivedOn, LocalDate acceptanceDueOn,
            Case.Complainant complainant, String repeatOfCaseId, String intakeKey) {
    }

    /** A citizen (anonymous or signed in) or staff at the counter files a case. */
    FiledCase file(CaseRequests.FileCase request, Caller caller) {
        boolean staff = caller.hasAny(CaseAccess.STAFF.toArray(String[]::new));
        String channel = staff && request.channel() != null ? request.channel().name() : CaseRequests.Channel.WEB.name();
        LocalDate receivedOn = staff && request.receivedOn() != null ? request.receivedOn() : LocalDate.now(clock);
        CitizenIdentity citizen = request.citizen() == null ? null : new CitizenIdentity(request.citizen().name(),
                request.citizen().address(), request.citizen().phone(), request.citizen().email(), request.citizen().idNumber());
        String secret = codes.secret();
        Case filed = receive(UUID.randomUUID().toString(), request.kind(), request.subject(), request.content(),
                request.areaUnitId(), request.filedWithUnitId(), channel, receivedOn, Boolean.TRUE.equals(request.remoteArea()),
                request.repeatOfCaseId(), citizen, staff ? caller.subject() : "citizen", secret, null);
        writes.insert(filed);
        metrics.received(filed);
        return new FiledCase(filed.id, filed.trackingCode, secret, filed.kind, filed.status, filed.acceptanceDueOn);
    }

    /**
     * A matter raised at a session, filed as a case by the staff who recorded it. The same {@code matterKey}
     * always yields the same case, so filing it again after a failed link returns the case already filed.
     */
    public String fileFromSession(String matterKey, CaseKind kind, String subject, String content, String areaUnitId,
            LocalDate raisedOn, String author) {
        String id = idOf("session|" + matterKey);
        if (!repository.existsById(id)) {
            insertOnce(receive(id, kind, subject, content, areaUnitId, null, CaseRequests.Channel.RECEPTION_SESSION.name(),
                    raisedOn, false, null, null, author, codes.secret(), null));
        }
        return id;
    }

    /**
     * A case another portal filed; the same (source, external id) always yields the same case id, so a
     * redelivered submission is refused by the store and changes nothing. Returns false for such a repeat.
     */
    boolean fileFromIntake(String source, CaseSubmitted submitted) {
        String intakeKey = source + "|" + submitted.externalId();
        String id = idOf(intakeKey);
        if (repository.existsById(id)) {
            return false;
        }
        CaseSubmitted.Citizen c = submitted.citizen();
        return insertOnce(receive(id, CaseKind.valueOf(submitted.kind()), submitted.subject(), submitted.content(),
                submitted.areaUnitId(), null, "INTAKE", submitted.filedOn(), false, null,
                c == null ? null : new CitizenIdentity(c.name(), c.address(), c.phone(), c.email(), c.idNumber()), source,
                codes.secret(), intakeKey));
    }

    private boolean insertOnce(Case filed) {
        boolean inserted = DuplicateKeys.firstWrite(() -> writes.insert(filed));
        if (inserted) {
            metrics.received(filed);
        }
        return inserted;
    }

    private Case receive(String id, CaseKind requestedKind, String subject, String content, String areaUnitId,
            String filedWithUnitId, String channel, LocalDate receivedOn, boolean remoteArea, String repeatOfCaseId,
            CitizenIdentity citizen, String author, String secret, String intakeKey) {
        List<Violation> violations = new ArrayList<>();
        UnitInfo area = units.find(areaUnitId).filter(UnitInfo::open).orElse(null);
        if (area == null) {
            violations.add(new Violation("areaUnitId", "case.unknown-unit", areaUnitId));
        }
        UnitInfo filedWith = null;
        if (filedWithUnitId != null) {
            filedWith = units.find(filedWithUnitId).orElse(null);
            if (filedWith == null) {
                violations.add(new Violation("filedWithUnitId", "case.unknown-unit", filedWithUnitId));
            }
        }
        if (repeatOfCaseId != null && !repository.existsById(repeatOfCaseId)) {
            violations.add(new Violation("repeatOfCaseId", "case.unknown-case", repeatOfCaseId));
        }
        // the law handles only signed denunciations; an anonymous one is information to look into
        CaseKind kind = requestedKind == CaseKind.DENUNCIATION && citizen == null ? CaseKind.INFORMATION : requestedKind;
        UnitInfo responsible = area == null ? null : routing.route(area, kind);
        if (area != null && responsible == null) {
            violations.add(new Violation("areaUnitId", "case.no-responsible-unit", areaUnitId, properties.routing().get(kind)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        Case.Complainant complainant = null;
        if (citizen != null) {
            SealedIdentity sealed = vault.seal(id, citizen, kind.confidential());
            complainant = new Case.Complainant(sealed.pseudonym(), sealed.ref());
        }
        Filing filing = new Filing(id, codes.code(), TrackingCodes.hash(secret), kind, channel, subject, content,
                VietnameseText.fold(subject + " " + content), area.id(), responsible.id(),
                filedWith == null ? null : filedWith.id(),
                filedWith != null && units.rank(filedWith.level()) < units.rank(responsible.level()), remoteArea, receivedOn,
                deadlines.due(kind.name(), DeadlineStep.ACCEPTANCE, 1, Complexity.NORMAL, remoteArea, receivedOn),
                complainant, repeatOfCaseId, intakeKey);
        return Case.receive(filing, Actor.of(author, clock),
                kind == requestedKind ? null : "anonymous-denunciation-recorded-as-information");
    }

    private static String idOf(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
