package org.danvan.feedback.cases;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.feedback.CaseAccepted;
import org.danvan.contracts.feedback.CaseAssigned;
import org.danvan.contracts.feedback.CaseClosed;
import org.danvan.contracts.feedback.CaseExplained;
import org.danvan.contracts.feedback.CaseExtended;
import org.danvan.contracts.feedback.CaseMerged;
import org.danvan.contracts.feedback.CaseOverdue;
import org.danvan.contracts.feedback.CaseReceived;
import org.danvan.contracts.feedback.CaseRefused;
import org.danvan.contracts.feedback.CaseReopened;
import org.danvan.contracts.feedback.CaseResolved;
import org.danvan.contracts.feedback.CaseSubmitted;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.feedback.deadlines.Complexity;
import org.danvan.feedback.deadlines.DeadlineStep;
import org.danvan.feedback.deadlines.Deadlines;
import org.danvan.feedback.identity.CitizenIdentity;
import org.danvan.feedback.identity.IdentityVault;
import org.danvan.feedback.identity.SealedIdentity;
import org.danvan.feedback.units.UnitDirectory;
import org.danvan.feedback.units.UnitInfo;
import org.danvan.support.outbox.OutboxEvent;
import org.danvan.support.problem.InvalidRequestException;
import org.danvan.support.problem.InvalidRequestException.Violation;
import org.danvan.support.problem.ForbiddenException;
import org.danvan.support.problem.PreconditionFailedException;
import org.danvan.support.problem.ResourceNotFoundException;
import org.danvan.support.security.Caller;
import org.danvan.support.security.Roles;
import org.danvan.support.text.VietnameseText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The handling of citizen cases on their legal paths. Every step checks the caller's role and unit scope
 * (a case is in scope when its responsible or area unit lies in the caller's subtree; out of scope reads as
 * not found), computes and stores its deadline once, notes itself on the timeline and publishes its event in
 * the same document write. Citizens appear only as pseudonyms; their identities are sealed in the vault.
 */
@Service
public class Cases {

    private static final List<String> STAFF = Need.READ.roles;

    /** What a step needs: reading a case, working on it, or deciding on it, each with its roles. */
    private enum Need {
        READ(Roles.CADRE, Roles.REVIEWER, Roles.CONFIDENTIAL_HANDLER),
        WORK(Roles.CADRE, Roles.REVIEWER),
        DECIDE(Roles.REVIEWER);

        final List<String> roles;

        Need(String... roles) {
            this.roles = List.of(roles);
        }
    }
    private static final List<CaseStatus> OPEN = Arrays.stream(CaseStatus.values()).filter(CaseStatus::open).toList();

    private final CaseRepository repository;
    private final UnitDirectory units;
    private final Deadlines deadlines;
    private final IdentityVault vault;
    private final CasesProperties properties;
    private final MeterRegistry meters;
    private final SecureRandom random = new SecureRandom();

    private final Clock clock;

    Cases(CaseRepository repository, UnitDirectory units, Deadlines deadlines, IdentityVault vault, CasesProperties properties,
            MeterRegistry meters, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.deadlines = deadlines;
        this.vault = vault;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        // every series exists from the start, at zero, so dashboards and rates see the first case too
        for (CaseKind kind : CaseKind.values()) {
            for (String channel : List.of("WEB", "COUNTER", "POST", "RECEPTION_SESSION", "INTAKE")) {
                meters.counter("danvan.cases.received", "kind", kind.name(), "channel", channel);
            }
            for (String onTime : List.of("true", "false")) {
                meters.counter("danvan.cases.resolved", "kind", kind.name(), "on_time", onTime);
            }
            for (DeadlineStep deadline : DeadlineStep.values()) {
                meters.counter("danvan.cases.overdue.detected", "kind", kind.name(), "deadline", deadline.name());
            }
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- filing

    /** A citizen (anonymous or signed in) or staff at the counter files a case. */
    FiledCase file(CaseRequests.FileCase request, Caller caller) {
        boolean staff = caller.hasAny(STAFF.toArray(String[]::new));
        String channel = staff && request.channel() != null ? request.channel().name() : CaseRequests.Channel.WEB.name();
        boolean remoteArea = Boolean.TRUE.equals(request.remoteArea());
        LocalDate receivedOn = staff && request.receivedOn() != null ? request.receivedOn() : today();
        CitizenIdentity citizen = request.citizen() == null ? null : new CitizenIdentity(request.citizen().name(),
                request.citizen().address(), request.citizen().phone(), request.citizen().email(), request.citizen().idNumber());
        CaseDocument filed = newCase(UUID.randomUUID().toString(), request.kind(), request.subject(), request.content(),
                request.areaUnitId(), request.filedWithUnitId(), channel, receivedOn, remoteArea,
                request.repeatOfCaseId(), citizen, staff ? caller.subject() : "citizen");
        String secret = secret();
        filed.trackingSecretHash = hash(secret);
        CaseDocument saved = repository.insert(filed);
        return new FiledCase(saved.id, saved.trackingCode, secret, saved.kind, saved.status, saved.acceptanceDueOn);
    }

    /** A matter raised at a reception or dialogue session, filed as a case by the staff who recorded it; returns its id. */
    public String fileFromSession(CaseKind kind, String subject, String content, String areaUnitId, LocalDate raisedOn, String author) {
        CaseDocument filed = newCase(UUID.randomUUID().toString(), kind, subject, content, areaUnitId, null,
                CaseRequests.Channel.RECEPTION_SESSION.name(), raisedOn, false, null, null, author);
        filed.trackingSecretHash = hash(secret());
        return repository.insert(filed).id;
    }

    /**
     * A case another portal filed; the same (source, external id) always yields the same case id, so a
     * redelivered submission is refused by the store and changes nothing. Returns false for such a repeat.
     */
    boolean fileFromIntake(String source, CaseSubmitted submitted) {
        String intakeKey = source + "|" + submitted.externalId();
        String id = UUID.nameUUIDFromBytes(intakeKey.getBytes(StandardCharsets.UTF_8)).toString();
        if (repository.existsById(id)) {
            return false;
        }
        CaseSubmitted.Citizen c = submitted.citizen();
        CaseDocument filed = newCase(id, CaseKind.valueOf(submitted.kind()), submitted.subject(), submitted.content(),
                submitted.areaUnitId(), null, "INTAKE", submitted.filedOn(), false, null,
                c == null ? null : new CitizenIdentity(c.name(), c.address(), c.phone(), c.email(), c.idNumber()), source);
        filed.intakeKey = intakeKey;
        filed.trackingSecretHash = hash(secret());
        try {
            repository.insert(filed);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private CaseDocument newCase(String id, CaseKind requestedKind, String subject, String content, String areaUnitId,
            String filedWithUnitId, String channel, LocalDate receivedOn, boolean remoteArea, String repeatOfCaseId,
            CitizenIdentity citizen, String author) {
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
        CaseDocument repeatOf = null;
        if (repeatOfCaseId != null) {
            repeatOf = repository.findById(repeatOfCaseId).orElse(null);
            if (repeatOf == null) {
                violations.add(new Violation("repeatOfCaseId", "case.unknown-case", repeatOfCaseId));
            }
        }
        // the law handles only signed denunciations; an anonymous one is information to look into
        CaseKind kind = requestedKind == CaseKind.DENUNCIATION && citizen == null ? CaseKind.INFORMATION : requestedKind;
        UnitInfo responsible = area == null ? null : route(area, kind);
        if (area != null && responsible == null) {
            violations.add(new Violation("areaUnitId", "case.no-responsible-unit", areaUnitId, properties.routing().get(kind)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        CaseDocument filed = new CaseDocument();
        filed.id = id;
        filed.trackingCode = trackingCode();
        filed.kind = kind;
        filed.status = CaseStatus.RECEIVED;
        filed.channel = channel;
        filed.subject = subject;
        filed.content = content;
        filed.searchText = VietnameseText.fold(subject + " " + content);
        filed.areaUnitId = area.id();
        filed.responsibleUnitId = responsible.id();
        filed.filedWithUnitId = filedWith == null ? null : filedWith.id();
        filed.overLevel = filedWith != null && units.rank(filedWith.level()) < units.rank(responsible.level());
        filed.remoteArea = remoteArea;
        filed.anonymous = citizen == null;
        filed.receivedOn = receivedOn;
        filed.acceptanceDueOn = deadlines.due(kind.name(), DeadlineStep.ACCEPTANCE, 1, Complexity.NORMAL, remoteArea, receivedOn);
        filed.assignments.add(new CaseDocument.Assignment(responsible.id(), receivedOn, "routing", "kind " + kind + " in " + area.id()));
        if (citizen != null) {
            SealedIdentity sealed = vault.seal(id, citizen);
            filed.complainants.add(new CaseDocument.Complainant(sealed.pseudonym(), sealed.ref()));
        }
        if (repeatOf != null) {
            filed.repeatOfCaseId = repeatOf.id;
        }
        note(filed, author, "received", kind == requestedKind ? null : "anonymous-denunciation-recorded-as-information", true);
        filed.outbox.add(OutboxEvent.of(FeedbackContract.CASE_RECEIVED, id, new CaseReceived(id, kind.name(), 1, channel,
                filed.areaUnitId, filed.responsibleUnitId, filed.filedWithUnitId, receivedOn, filed.acceptanceDueOn,
                filed.anonymous, filed.overLevel, filed.repeatOfCaseId)));
        meters.counter("danvan.cases.received", "kind", kind.name(), "channel", channel).increment();
        return filed;
    }

    /** The nearest unit at or above the level that handles this kind. */
    private UnitInfo route(UnitInfo area, CaseKind kind) {
        int handlingRank = units.rank(properties.routing().get(kind));
        return units.selfAndAncestors(area.id()).stream()
                .filter(UnitInfo::open)
                .filter(u -> units.rank(u.level()) <= handlingRank)
                .findFirst().orElse(null);
    }

    // ---- handling

    CaseView accept(String id, CaseRequests.Accept request, String ifMatch, Caller caller) {
        CaseDocument c = load(id, ifMatch, caller, Need.DECIDE);
        require(c, "accept");
        LocalDate on = on(request.on(), c.receivedOn);
        c.complexity = request.complexity() == null ? Complexity.NORMAL : request.complexity();
        c.status = CaseStatus.ACCEPTED;
        c.acceptedOn = on;
        c.dueOn = deadlines.due(c.kind.name(), DeadlineStep.RESOLUTION, c.round, c.complexity, c.remoteArea, on);
        note(c, caller.subject(), "accepted", request.note(), true);
        c.outbox.add(OutboxEvent.of(FeedbackContract.CASE_ACCEPTED, id, new CaseAccepted(id, c.kind.name(), c.round,
                c.responsibleUnitId, on, c.dueOn)));
        return view(repository.save(c), on);
    }

    CaseView refuse(String id, CaseRequests.Refuse request, String ifMatch, Caller caller) {
        CaseDocument c = load(id, ifMatch, caller, Need.DECIDE);
        require(c, "refuse");
        LocalDate on = on(request.on(), c.receivedOn);
        c.status = CaseStatus.REFUSED;
        c.refusalReasons = request.reasons().stream().map(Enum::name).toList();
        note(c, caller.subject(), "refused", request.note(), true);
        c.outbox.add(OutboxEvent.of(FeedbackContract.CASE_REFUSED, id, new CaseRefused(id, c.kind.name(), c.round,
                c.responsibleUnitId, on, c.refusalReasons)));
        return view(repository.save(c), on);
    }

    /** Routes the case to another unit (reassignment keeps the history); after acceptance it becomes assigned. */
    CaseView assign(String id, CaseRequests.Assign request, String ifMatch, Caller caller) {
        CaseDocument c = load(id, ifMatch, caller, Need.DECIDE);
        require(c, "assign");
        UnitInfo unit = units.find(request.unitId()).filter(UnitInfo::open).orElseThrow(() -> new InvalidRequestException(
                List.of(new Violation("unitId", "case.unknown-unit", request.unitId()))));
        LocalDate on = on(request.on(), c.receivedOn);
        String previous = c.responsibleUnitId;
        c.responsibleUnitId = unit.id();
        c.assignments.add(new CaseDocument.Assignment(unit.id(), on, caller.subject(), request.reason()));
        if (c.status == CaseStatus.ACCEPTED) {
            c.status = CaseStatus.ASSIGNED;
        }
        note(c, caller.subject(), "assigned", request.reason(), false);
        c.outbox.add(OutboxEvent.of(FeedbackContract.CASE_ASSIGNED, id, new CaseAssigned(id, c.kind.name(), c.round,
                unit.id(), previous, on)));
        return view(repository.save(c), on);
    }

    CaseView start(String id, CaseRequests.Step request, String ifMatch, Caller caller) {
        CaseDocument c = load(id, ifMatch, caller, Need.WORK);
        require(c, "start");
        c.status = CaseStatus.IN_PROGRESS;
        note(c, caller.subject(), "in-progress", request == null ? null : request.note(), true);
        return view(repository.save(c), today());
    }

    CaseView extend(String id, CaseRequests.Extend request, String ifMatch, Caller caller) {
        CaseDocument c = load(id, ifMatch, caller, Need.DECIDE);
        require(c, "extend");
        if (request.complexity() != null) {
            c.complexity = request.complexity();
        }
        LocalDate on = on(request.on(), c.acceptedOn);
        int used = (int) c.extensions.stream().filter(e -> e.round() == c.round).count();
        LocalDate newDue = deadlines.extended(c.kind.name(), c.round, c.complexity, used, c.dueOn)
                .orElseThrow(() -> new CaseProblems.NoExtensionLeft(used, deadlines.maxExtensions(c.kind.name(), c.round, c.complexity)));
        LocalDate previousDue = c.dueOn;
        c.extensions.add(new CaseDocument.Extension(c.round, used + 1, previousDue, newDue, on, request.reason(), caller.subject()));
        c.dueOn = newDue;
        note(c, caller.subject(), "extended", request.reason(), true);
        c.outbox.add(OutboxEvent.of(FeedbackContract.CASE_EXTENDED, id, new CaseExtended(id, c.kind.name(), c.round,
                c.responsibleUnitId, used + 1, previousDue, newDue, on)));
        return view(repository.save(c), on);
    }

    CaseView resolve(String id, CaseRequests.Resolve request, String ifMatch, Caller caller) {
        CaseDocument c = load(id, ifMatch, caller, Need.WORK);
        require(c, "resolve");
        LocalDate on = on(request.on(), c.acceptedOn);
        boolean onTime = !on.isAfter(c.dueOn);
        c.status = CaseStatus.RESOLVED;
        c.resolution = new CaseDocument.Resolution(on, request.summary(), onTime);
        note(c, caller.subject(), "resolved", request.summary(), true);
        c.outbox.add(OutboxEvent.of(FeedbackContract.CASE_RESOLVED, id, new CaseResolved(id, c.kind.name(), c.round,
                c.responsibleUnitId, on, c.dueOn, onTime)));
        meters.counter("danvan.cases.resolved", "kind", c.kind.name(), "on_time", String.valueOf(onTime)).increment();
        return view(repository.save(c), on);
    }

    /** Not resolvable yet: an explanation and a dated roadmap, published so the matter stays visible. */
    CaseView explain(String id, CaseRequests.Explain request, String ifMatch, Caller caller) {
        CaseDocument c = load(id, ifMatch, caller, Need.WORK);
        require(c, "explain");
        LocalDate on = on(request.on(), c.acceptedOn);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < request.roadmap().size(); i++) {
            if (request.roadmap().get(i).dueOn().isBefore(on)) {
                violations.add(new Violation("roadmap[" + i + "].dueOn", "case.roadmap-step-in-the-past", on));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        boolean onTime = !on.isAfter(c.dueOn);
        c.status = CaseStatus.EXPLAINED;
        c.roadmap = new ArrayList<>();
        for (int i = 0; i < request.roadmap().size(); i++) {
            CaseRequests.RoadmapStep step = request.roadmap().get(i);
            c.roadmap.add(new CaseDocument.RoadmapStep(i + 1, step.description(), step.dueOn(), CaseRequests.RoadmapStatus.PLANNED.name()));
        }
        c.resolution = new CaseDocument.Resolution(on, request.explanation(), onTime);
        LocalDate endsOn = c.roadmap.stream().map(CaseDocument.RoadmapStep::dueOn).max(Comparator.naturalOrder()).orElseThrow();
        note(c, caller.subject(), "explained", request.explanation(), true);
        c.outbox.add(OutboxEvent.of(FeedbackContract.CASE_EXPLAINED, id, new CaseExplained(id, c.kind.name(), c.round,
                c.responsibleUnitId, on, c.dueOn, onTime, c.roadmap.size(), endsOn)));
        return view(repository.save(c), on);
    }

    CaseView roadmapProgress(String id, CaseRequests.RoadmapProgress request, String ifMatch, Caller caller) {
        CaseDocument c = load(id, ifMatch, caller, Need.WORK);
        require(c, "roadmap");
        if (request.step() < 1 || request.step() > c.roadmap.size()) {
            throw new InvalidRequestException(List.of(new Violation("step", "case.unknown-roadmap-step", request.step())));
        }
        CaseDocument.RoadmapStep step = c.roadmap.get(request.step() - 1);
        c.roadmap.set(request.step() - 1, new CaseDocument.RoadmapStep(step.number(), step.description(), step.dueOn(),
                request.status().name()));
        note(c, caller.subject(), "roadmap-" + request.status().name().toLowerCase(), request.note(), true);
        return view(repository.save(c), today());
    }

    CaseView close(String id, CaseRequests.Step request, String ifMatch, Caller caller) {
        CaseDocument c = load(id, ifMatch, caller, Need.DECIDE);
        require(c, "close");
        LocalDate on = on(request == null ? null : request.on(), c.receivedOn);
        CaseStatus outcome = c.status;
        c.status = CaseStatus.CLOSED;
        c.closedOn = on;
        note(c, caller.subject(), "closed", request == null ? null : request.note(), true);
        c.outbox.add(OutboxEvent.of(FeedbackContract.CASE_CLOSED, id, new CaseClosed(id, c.kind.name(), c.round,
                c.responsibleUnitId, on, outcome.name())));
        return view(repository.save(c), on);
    }

    CaseView reopen(String id, CaseRequests.Reopen request, String ifMatch, Caller caller) {
        CaseDocument c = load(id, ifMatch, caller, Need.DECIDE);
        reopen(c, on(request.on(), c.receivedOn), request.reason(), caller.subject());
        return view(repository.save(c), today());
    }

    /**
     * A dissatisfied citizen's reopening. A complaint's first round ends and the second begins at the next
     * authority up, to be accepted and resolved on the second round's limits; other kinds go back to work
     * with a fresh resolution limit.
     */
    private void reopen(CaseDocument c, LocalDate on, String reason, String author) {
        require(c, "reopen");
        c.closedOn = null;
        if (c.kind == CaseKind.COMPLAINT) {
            UnitInfo current = units.find(c.responsibleUnitId).orElseThrow(() -> new CaseProblems.NoNextAuthority(c.responsibleUnitId));
            UnitInfo next = units.selfAndAncestors(current.parentId()).stream().filter(UnitInfo::open)
                    .filter(u -> units.rank(u.level()) < units.rank(current.level())).findFirst()
                    .orElseThrow(() -> new CaseProblems.NoNextAuthority(c.responsibleUnitId));
            c.earlierRounds.add(new CaseDocument.Round(c.round, c.responsibleUnitId, c.acceptedOn, c.dueOn, c.status, c.resolution));
            c.round++;
            c.responsibleUnitId = next.id();
            c.assignments.add(new CaseDocument.Assignment(next.id(), on, "routing", "round " + c.round));
            c.status = CaseStatus.RECEIVED;
            c.receivedOn = on;
            c.acceptedOn = null;
            c.resolution = null;
            c.roadmap = new ArrayList<>();
            c.acceptanceDueOn = deadlines.due(c.kind.name(), DeadlineStep.ACCEPTANCE, c.round, Complexity.NORMAL, c.remoteArea, on);
            c.dueOn = null;
            c.complexity = Complexity.NORMAL;
        } else {
            c.status = CaseStatus.IN_PROGRESS;
            c.resolution = null;
            c.dueOn = deadlines.due(c.kind.name(), DeadlineStep.RESOLUTION, c.round, c.complexity, c.remoteArea, on);
        }
        note(c, author, "reopened", reason, true);
        c.outbox.add(OutboxEvent.of(FeedbackContract.CASE_REOPENED, c.id, new CaseReopened(c.id, c.kind.name(), c.round,
                c.responsibleUnitId, on, c.kind == CaseKind.COMPLAINT ? c.acceptanceDueOn : c.dueOn)));
    }

    /** The same matter filed again: handled once, with every complainant, and counted as a repeat. */
    CaseView merge(String id, CaseRequests.Merge request, String ifMatch, Caller caller) {
        CaseDocument c = load(id, ifMatch, caller, Need.DECIDE);
        require(c, "merge");
        CaseDocument into = load(request.intoCaseId(), null, caller, Need.DECIDE);
        if (into.id.equals(c.id) || into.kind != c.kind || !into.status.open()) {
            throw new CaseProblems.MergeRefused(into.id);
        }
        LocalDate on = on(request.on(), c.receivedOn);
        c.status = CaseStatus.MERGED;
        c.mergedIntoCaseId = into.id;
        c.closedOn = on;
        note(c, caller.subject(), "merged", into.trackingCode, true);
        into.complainants.addAll(c.complainants);
        into.mergedCaseIds.add(c.id);
        into.repeats++;
        note(into, caller.subject(), "absorbed", c.trackingCode, false);
        c.outbox.add(OutboxEvent.of(FeedbackContract.CASE_MERGED, id, new CaseMerged(id, c.kind.name(), c.responsibleUnitId,
                into.id, on, into.complainants.size())));
        repository.save(into);
        return view(repository.save(c), on);
    }

    CaseView addNote(String id, CaseRequests.Note request, Caller caller) {
        CaseDocument c = load(id, null, caller, Need.READ);
        note(c, caller.subject(), "note", request.note(), Boolean.TRUE.equals(request.visibleToCitizen()));
        return view(repository.save(c), today());
    }

    // ---- reads

    CaseView get(String id, Caller caller) {
        return view(load(id, null, caller, Need.READ), today());
    }

    /** Cases in the caller's subtree, optionally of one unit's subtree, status and kind, matching words without diacritics. */
    List<CaseView> search(String unitId, CaseStatus status, CaseKind kind, String text, Caller caller) {
        requireRole(caller, STAFF);
        Set<String> scope = units.subtree(caller.unitId());
        Set<String> within = unitId == null ? scope : units.subtree(unitId).stream().filter(scope::contains).collect(Collectors.toSet());
        String folded = text == null ? null : VietnameseText.fold(text);
        LocalDate today = today();
        return repository.findByResponsibleUnitIdInOrAreaUnitIdIn(within, within).stream()
                .filter(c -> status == null || c.status == status)
                .filter(c -> kind == null || c.kind == kind)
                .filter(c -> folded == null || Arrays.stream(folded.split("\\s+")).allMatch(c.searchText::contains))
                .sorted(Comparator.comparing((CaseDocument c) -> c.receivedOn).reversed())
                .map(c -> view(c, today)).toList();
    }

    /** Open cases of the same kind and responsible unit whose words overlap most with this one's. */
    List<DuplicateCandidate> duplicates(String id, Caller caller) {
        CaseDocument c = load(id, null, caller, Need.READ);
        Set<String> words = words(c.searchText);
        return repository.findByResponsibleUnitIdInAndStatusIn(List.of(c.responsibleUnitId), OPEN).stream()
                .filter(other -> !other.id.equals(c.id) && other.kind == c.kind)
                .map(other -> new DuplicateCandidate(other.id, other.trackingCode, other.subject, other.receivedOn,
                        similarity(words, words(other.searchText))))
                .filter(candidate -> candidate.similarity() >= 0.3)
                .sorted(Comparator.comparingDouble(DuplicateCandidate::similarity).reversed())
                .toList();
    }

    /** Per unit of the caller's subtree: open, overdue, over-level, prolonged and repeated matters. */
    List<Hotspot> hotspots(String unitId, Caller caller) {
        requireRole(caller, STAFF);
        Set<String> scope = units.subtree(caller.unitId());
        Set<String> within = unitId == null ? scope : units.subtree(unitId).stream().filter(scope::contains).collect(Collectors.toSet());
        LocalDate today = today();
        return repository.findByResponsibleUnitIdIn(within).stream()
                .collect(Collectors.groupingBy(c -> c.responsibleUnitId))
                .entrySet().stream()
                .map(e -> new Hotspot(e.getKey(),
                        e.getValue().stream().filter(c -> c.status.open()).count(),
                        e.getValue().stream().filter(c -> overdue(c, today)).count(),
                        e.getValue().stream().filter(c -> c.overLevel).count(),
                        e.getValue().stream().filter(c -> prolonged(c, today)).count(),
                        e.getValue().stream().mapToLong(c -> c.repeats + (c.repeatOfCaseId == null ? 0 : 1)).sum()))
                .sorted(Comparator.comparingLong(Hotspot::prolonged).thenComparingLong(Hotspot::overLevel).reversed())
                .toList();
    }

    /** The identities behind a case, for a role allowed to see them in its subtree; every attempt is audited. */
    List<CitizenIdentity> identities(String id, String purpose, Caller caller) {
        CaseDocument c = repository.findById(id).orElseThrow(() -> new ResourceNotFoundException("case", id));
        List<String> allowed = c.kind.confidential() ? List.of(Roles.CONFIDENTIAL_HANDLER) : STAFF;
        if (!caller.hasAny(allowed.toArray(String[]::new)) || !inScope(c, caller)) {
            vault.refused(id, caller.subject(), caller.unitId(), purpose);
            throw new ForbiddenException(allowed);
        }
        return vault.reveal(id, c.complainants.stream().map(CaseDocument.Complainant::identityRef).toList(),
                caller.subject(), caller.unitId(), purpose);
    }

    // ---- citizen tracking

    PublicCaseView track(String code, String secret) {
        return publicView(tracked(code, secret));
    }

    PublicCaseView addInformation(String code, String secret, String information) {
        CaseDocument c = tracked(code, secret);
        note(c, "citizen", "information-added", information, true);
        return publicView(repository.save(c));
    }

    PublicCaseView reopenByCitizen(String code, String secret, String reason) {
        CaseDocument c = tracked(code, secret);
        reopen(c, today(), reason, "citizen");
        return publicView(repository.save(c));
    }

    private CaseDocument tracked(String code, String secret) {
        return repository.findByTrackingCode(code)
                .filter(c -> secret != null && MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.UTF_8),
                        c.trackingSecretHash.getBytes(StandardCharsets.UTF_8)))
                .orElseThrow(CaseProblems.TrackingRefused::new);
    }

    // ---- deadlines

    /**
     * Publishes an overdue event for every deadline passed before {@code today} that was not yet reported:
     * once per case, round, deadline and due date (an extended deadline can be breached again).
     */
    int markOverdue(LocalDate today) {
        int marked = 0;
        for (CaseDocument c : repository.findByStatusIn(OPEN)) {
            String deadline = c.status == CaseStatus.RECEIVED ? DeadlineStep.ACCEPTANCE.name() : DeadlineStep.RESOLUTION.name();
            LocalDate due = c.status == CaseStatus.RECEIVED ? c.acceptanceDueOn : c.dueOn;
            String breach = c.round + "/" + deadline + "/" + due;
            if (due != null && due.isBefore(today) && !c.breaches.contains(breach)) {
                c.breaches.add(breach);
                note(c, "system", "overdue", deadline, false);
                c.outbox.add(OutboxEvent.of(FeedbackContract.CASE_OVERDUE, c.id, new CaseOverdue(c.id, c.kind.name(), c.round,
                        c.responsibleUnitId, deadline, due, today)));
                repository.save(c);
                meters.counter("danvan.cases.overdue.detected", "kind", c.kind.name(), "deadline", deadline).increment();
                marked++;
            }
        }
        return marked;
    }

    /** Open cases past a deadline now, by kind (for the overdue gauge). */
    java.util.Map<CaseKind, Long> overdueByKind(LocalDate today) {
        return repository.findByStatusIn(OPEN).stream().filter(c -> overdue(c, today))
                .collect(Collectors.groupingBy(c -> c.kind, Collectors.counting()));
    }

    // ---- helpers

    /**
     * Loads a case for a caller with one of {@code roles}. Reading needs the responsible or the area unit in
     * the caller's subtree (a commune still follows its complaint's second round at the province); any other
     * step needs the responsible unit there.
     */
    private CaseDocument load(String id, String ifMatch, Caller caller, Need need) {
        requireRole(caller, need.roles);
        CaseDocument c = repository.findById(id)
                .filter(found -> need == Need.READ ? inScope(found, caller) : units.isWithin(found.responsibleUnitId, caller.unitId()))
                .orElseThrow(() -> new ResourceNotFoundException("case", id));
        PreconditionFailedException.check(ifMatch, c.storeVersion);
        return c;
    }

    private boolean inScope(CaseDocument c, Caller caller) {
        return caller.unitId() != null
                && (units.isWithin(c.responsibleUnitId, caller.unitId()) || units.isWithin(c.areaUnitId, caller.unitId()));
    }

    private static void requireRole(Caller caller, List<String> roles) {
        if (!caller.hasAny(roles.toArray(String[]::new))) {
            throw new ForbiddenException(roles);
        }
    }

    private static void require(CaseDocument c, String action) {
        if (!CaseLifecycle.allows(c.kind, c.status, c.round, action)) {
            throw new CaseProblems.IllegalTransition(action, c.status, CaseLifecycle.allowed(c.kind, c.status, c.round));
        }
    }

    /** The day a step happened: given (never before the case's earlier step) or today. */
    private LocalDate on(LocalDate given, LocalDate notBefore) {
        LocalDate on = given == null ? today() : given;
        if (notBefore != null && on.isBefore(notBefore)) {
            throw new InvalidRequestException(List.of(new Violation("on", "case.step-before-previous", notBefore)));
        }
        return on;
    }

    private void note(CaseDocument c, String author, String action, String text, boolean visibleToCitizen) {
        c.timeline.add(new CaseDocument.TimelineEntry(clock.instant(), author, action, c.status, text, visibleToCitizen));
    }

    private boolean overdue(CaseDocument c, LocalDate today) {
        LocalDate due = c.status == CaseStatus.RECEIVED ? c.acceptanceDueOn : c.dueOn;
        return c.status.open() && due != null && due.isBefore(today);
    }

    private boolean prolonged(CaseDocument c, LocalDate today) {
        return c.repeats > 0 || c.repeatOfCaseId != null || c.round > 1
                || (c.status.open() && ChronoUnit.DAYS.between(c.receivedOn, today) > properties.prolongedAfterDays());
    }

    private CaseView view(CaseDocument c, LocalDate today) {
        return new CaseView(c.id, c.trackingCode, c.kind, c.round, c.status, CaseLifecycle.allowed(c.kind, c.status, c.round),
                c.channel, c.subject, c.content, c.areaUnitId, c.responsibleUnitId, c.filedWithUnitId, c.overLevel,
                prolonged(c, today), c.anonymous, c.remoteArea, c.complexity, c.receivedOn, c.acceptanceDueOn, c.acceptedOn,
                c.dueOn, c.closedOn, overdue(c, today), c.complainants.stream().map(CaseDocument.Complainant::pseudonym).toList(),
                c.assignments, c.extensions, c.timeline, c.roadmap, c.refusalReasons, c.resolution, c.earlierRounds,
                c.repeatOfCaseId, c.repeats, c.mergedIntoCaseId, c.mergedCaseIds, c.storeVersion == null ? 0 : c.storeVersion);
    }

    private static PublicCaseView publicView(CaseDocument c) {
        return new PublicCaseView(c.trackingCode, c.kind, c.round, c.status, c.subject, c.receivedOn,
                c.status == CaseStatus.RECEIVED ? c.acceptanceDueOn : c.dueOn,
                c.timeline.stream().filter(CaseDocument.TimelineEntry::visibleToCitizen)
                        .map(e -> new PublicCaseView.Entry(e.at(), e.action(), e.status(), e.note())).toList(),
                c.roadmap, c.resolution == null ? null : c.resolution.summary());
    }

    private static Set<String> words(String folded) {
        return Arrays.stream(folded.split("[^a-z0-9]+")).filter(w -> w.length() > 2).collect(Collectors.toSet());
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    private String trackingCode() {
        final String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder("PA-");
        for (int i = 0; i < 8; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }

    private String secret() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record DuplicateCandidate(String caseId, String trackingCode, String subject, LocalDate receivedOn, double similarity) {
    }

    record Hotspot(String unitId, long open, long overdue, long overLevel, long prolonged, long repeats) {
    }
}
