package org.danvan.feedback.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

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
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.feedback.deadlines.Complexity;
import org.danvan.feedback.deadlines.DeadlineStep;
import org.danvan.feedback.deadlines.Deadlines;
import org.danvan.support.aggregate.AggregateRoot;
import org.danvan.support.outbox.OutboxEvent;
import org.danvan.support.problem.InvalidRequestException;
import org.danvan.support.problem.InvalidRequestException.Violation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A citizen case on its legal path. Each step checks the lifecycle allows it, changes the case, notes itself
 * on the timeline and records its event; {@code AggregateWrites} stores both in one versioned write. Citizens
 * appear only as pseudonyms with references into the identity vault.
 */
@Document("cases")
class Case extends AggregateRoot {

    @Id
    String id;
    @Version
    Long storeVersion;
    @Indexed(unique = true)
    String trackingCode;
    String trackingSecretHash;
    CaseKind kind;
    int round = 1;
    CaseStatus status;
    String channel;
    String subject;
    String content;
    /** Subject and content without diacritics, for search and duplicate detection. */
    String searchText;
    @Indexed
    String areaUnitId;
    @Indexed
    String responsibleUnitId;
    String filedWithUnitId;
    boolean overLevel;
    boolean anonymous;
    boolean remoteArea;
    Complexity complexity = Complexity.NORMAL;
    LocalDate receivedOn;
    LocalDate acceptanceDueOn;
    LocalDate acceptedOn;
    LocalDate dueOn;
    LocalDate closedOn;
    List<Complainant> complainants = new ArrayList<>();
    List<Assignment> assignments = new ArrayList<>();
    List<Extension> extensions = new ArrayList<>();
    List<TimelineEntry> timeline = new ArrayList<>();
    List<RoadmapStep> roadmap = new ArrayList<>();
    List<String> refusalReasons = new ArrayList<>();
    Resolution resolution;
    /** Earlier rounds of a complaint, as they ended. */
    List<Round> earlierRounds = new ArrayList<>();
    String repeatOfCaseId;
    int repeats;
    String mergedIntoCaseId;
    List<String> mergedCaseIds = new ArrayList<>();
    /** Deadlines already reported as breached (round/deadline/due date), so each breach is published once. */
    List<String> breaches = new ArrayList<>();
    /** The sender's identity of a case that came from another portal, unique. */
    @Indexed(unique = true, sparse = true)
    String intakeKey;

    /** A new case, received on {@code receivedOn} by its routed unit; {@code note} says why its kind changed, if it did. */
    static Case receive(CaseFiling.Filing f, Actor by, String note) {
        Case c = new Case();
        c.id = f.id();
        c.trackingCode = f.trackingCode();
        c.trackingSecretHash = f.trackingSecretHash();
        c.kind = f.kind();
        c.status = CaseStatus.RECEIVED;
        c.channel = f.channel();
        c.subject = f.subject();
        c.content = f.content();
        c.searchText = f.searchText();
        c.areaUnitId = f.areaUnitId();
        c.responsibleUnitId = f.responsibleUnitId();
        c.filedWithUnitId = f.filedWithUnitId();
        c.overLevel = f.overLevel();
        c.remoteArea = f.remoteArea();
        c.anonymous = f.complainant() == null;
        c.receivedOn = f.receivedOn();
        c.acceptanceDueOn = f.acceptanceDueOn();
        c.repeatOfCaseId = f.repeatOfCaseId();
        c.intakeKey = f.intakeKey();
        c.assignments.add(new Assignment(c.responsibleUnitId, c.receivedOn, "routing", "kind " + c.kind + " in " + c.areaUnitId));
        if (f.complainant() != null) {
            c.complainants.add(f.complainant());
        }
        c.note(by, "received", note, true);
        c.record(OutboxEvent.of(FeedbackContract.CASE_RECEIVED, c.id, new CaseReceived(c.id, c.kind.name(), 1, c.channel,
                c.areaUnitId, c.responsibleUnitId, c.filedWithUnitId, c.receivedOn, c.acceptanceDueOn, c.anonymous,
                c.overLevel, c.repeatOfCaseId)));
        return c;
    }

    void accept(Actor by, LocalDate given, Complexity complexity, String note, Deadlines deadlines) {
        CaseStatus next = CaseLifecycle.next(kind, status, round, CaseAction.ACCEPT);
        LocalDate on = by.on(given, receivedOn);
        this.complexity = complexity == null ? Complexity.NORMAL : complexity;
        status = next;
        acceptedOn = on;
        dueOn = deadlines.due(kind.name(), DeadlineStep.RESOLUTION, round, this.complexity, remoteArea, on);
        note(by, "accepted", note, true);
        record(OutboxEvent.of(FeedbackContract.CASE_ACCEPTED, id, new CaseAccepted(id, kind.name(), round, responsibleUnitId, on, dueOn)));
    }

    void refuse(Actor by, LocalDate given, List<String> reasons, String note) {
        CaseStatus next = CaseLifecycle.next(kind, status, round, CaseAction.REFUSE);
        LocalDate on = by.on(given, receivedOn);
        status = next;
        refusalReasons = List.copyOf(reasons);
        note(by, "refused", note, true);
        record(OutboxEvent.of(FeedbackContract.CASE_REFUSED, id, new CaseRefused(id, kind.name(), round, responsibleUnitId, on,
                refusalReasons)));
    }

    /** Routes the case to another unit (reassignment keeps the history); after acceptance it becomes assigned. */
    void assign(Actor by, LocalDate given, String unitId, String reason) {
        CaseStatus next = CaseLifecycle.next(kind, status, round, CaseAction.ASSIGN);
        LocalDate on = by.on(given, receivedOn);
        String previous = responsibleUnitId;
        responsibleUnitId = unitId;
        assignments.add(new Assignment(unitId, on, by.subject(), reason));
        status = next;
        note(by, "assigned", reason, false);
        record(OutboxEvent.of(FeedbackContract.CASE_ASSIGNED, id, new CaseAssigned(id, kind.name(), round, unitId, previous, on)));
    }

    void start(Actor by, String note) {
        status = CaseLifecycle.next(kind, status, round, CaseAction.START);
        note(by, "in-progress", note, true);
    }

    void extend(Actor by, LocalDate given, Complexity newComplexity, String reason, Deadlines deadlines) {
        status = CaseLifecycle.next(kind, status, round, CaseAction.EXTEND);
        if (newComplexity != null) {
            complexity = newComplexity;
        }
        LocalDate on = by.on(given, acceptedOn);
        int used = (int) extensions.stream().filter(e -> e.round() == round).count();
        LocalDate newDue = deadlines.extended(kind.name(), round, complexity, used, dueOn)
                .orElseThrow(() -> new CaseProblems.NoExtensionLeft(used, deadlines.maxExtensions(kind.name(), round, complexity)));
        LocalDate previousDue = dueOn;
        extensions.add(new Extension(round, used + 1, previousDue, newDue, on, reason, by.subject()));
        dueOn = newDue;
        note(by, "extended", reason, true);
        record(OutboxEvent.of(FeedbackContract.CASE_EXTENDED, id, new CaseExtended(id, kind.name(), round, responsibleUnitId,
                used + 1, previousDue, newDue, on)));
    }

    /** Resolves the case; returns whether it was resolved on time. */
    boolean resolve(Actor by, LocalDate given, String summary) {
        CaseStatus next = CaseLifecycle.next(kind, status, round, CaseAction.RESOLVE);
        LocalDate on = by.on(given, acceptedOn);
        boolean onTime = !on.isAfter(dueOn);
        status = next;
        resolution = new Resolution(on, summary, onTime);
        note(by, "resolved", summary, true);
        record(OutboxEvent.of(FeedbackContract.CASE_RESOLVED, id, new CaseResolved(id, kind.name(), round, responsibleUnitId, on,
                dueOn, onTime)));
        return onTime;
    }

    /** Not resolvable yet: an explanation and a dated roadmap, published so the matter stays visible. */
    void explain(Actor by, LocalDate given, String explanation, List<CaseRequests.RoadmapStep> steps) {
        CaseStatus next = CaseLifecycle.next(kind, status, round, CaseAction.EXPLAIN);
        LocalDate on = by.on(given, acceptedOn);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).dueOn().isBefore(on)) {
                violations.add(new Violation("roadmap[" + i + "].dueOn", "case.roadmap-step-in-the-past", on));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        boolean onTime = !on.isAfter(dueOn);
        status = next;
        roadmap = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            roadmap.add(new RoadmapStep(i + 1, steps.get(i).description(), steps.get(i).dueOn(),
                    CaseRequests.RoadmapStatus.PLANNED.name()));
        }
        resolution = new Resolution(on, explanation, onTime);
        LocalDate endsOn = roadmap.stream().map(RoadmapStep::dueOn).max(Comparator.naturalOrder()).orElseThrow();
        note(by, "explained", explanation, true);
        record(OutboxEvent.of(FeedbackContract.CASE_EXPLAINED, id, new CaseExplained(id, kind.name(), round, responsibleUnitId,
                on, dueOn, onTime, roadmap.size(), endsOn)));
    }

    void roadmapProgress(Actor by, int number, CaseRequests.RoadmapStatus progress, String note) {
        status = CaseLifecycle.next(kind, status, round, CaseAction.ROADMAP);
        if (number < 1 || number > roadmap.size()) {
            throw new InvalidRequestException(List.of(new Violation("step", "case.unknown-roadmap-step", number)));
        }
        RoadmapStep step = roadmap.get(number - 1);
        roadmap.set(number - 1, new RoadmapStep(step.number(), step.description(), step.dueOn(), progress.name()));
        note(by, "roadmap-" + progress.name().toLowerCase(), note, true);
    }

    void close(Actor by, LocalDate given, String note) {
        CaseStatus next = CaseLifecycle.next(kind, status, round, CaseAction.CLOSE);
        LocalDate on = by.on(given, receivedOn);
        CaseStatus outcome = status;
        status = next;
        closedOn = on;
        note(by, "closed", note, true);
        record(OutboxEvent.of(FeedbackContract.CASE_CLOSED, id, new CaseClosed(id, kind.name(), round, responsibleUnitId, on,
                outcome.name())));
    }

    /**
     * A dissatisfied citizen's reopening. A complaint's first round ends and the second begins at the next
     * authority up ({@code nextAuthority} of the responsible unit), to be accepted and resolved on the second
     * round's limits; other kinds go back to work with a fresh resolution limit.
     */
    void reopen(Actor by, LocalDate given, String reason, UnaryOperator<String> nextAuthority, Deadlines deadlines) {
        CaseStatus next = CaseLifecycle.next(kind, status, round, CaseAction.REOPEN);
        LocalDate on = by.on(given, receivedOn);
        closedOn = null;
        if (kind == CaseKind.COMPLAINT) {
            String authority = nextAuthority.apply(responsibleUnitId);
            earlierRounds.add(new Round(round, responsibleUnitId, acceptedOn, dueOn, status, resolution));
            round++;
            responsibleUnitId = authority;
            assignments.add(new Assignment(authority, on, "routing", "round " + round));
            status = next;
            receivedOn = on;
            acceptedOn = null;
            resolution = null;
            roadmap = new ArrayList<>();
            acceptanceDueOn = deadlines.due(kind.name(), DeadlineStep.ACCEPTANCE, round, Complexity.NORMAL, remoteArea, on);
            dueOn = null;
            complexity = Complexity.NORMAL;
        } else {
            status = next;
            resolution = null;
            dueOn = deadlines.due(kind.name(), DeadlineStep.RESOLUTION, round, complexity, remoteArea, on);
        }
        note(by, "reopened", reason, true);
        record(OutboxEvent.of(FeedbackContract.CASE_REOPENED, id, new CaseReopened(id, kind.name(), round, responsibleUnitId, on,
                kind == CaseKind.COMPLAINT ? acceptanceDueOn : dueOn)));
    }

    /**
     * The same matter filed again: this case ends merged into {@code into}, which absorbs its complainants when
     * the merged event comes back ({@link #absorb}), so each step writes one case.
     */
    void mergeInto(Case into, Actor by, LocalDate given) {
        CaseStatus next = CaseLifecycle.next(kind, status, round, CaseAction.MERGE);
        if (into.id.equals(id) || into.kind != kind || !into.status.open()) {
            throw new CaseProblems.MergeRefused(into.id);
        }
        LocalDate on = by.on(given, receivedOn);
        status = next;
        mergedIntoCaseId = into.id;
        closedOn = on;
        note(by, "merged", into.trackingCode, true);
        record(OutboxEvent.of(FeedbackContract.CASE_MERGED, id, new CaseMerged(id, kind.name(), responsibleUnitId, into.id, on,
                into.complainants.size() + complainants.size())));
    }

    /** Takes in a case merged into this one, once: returns false if it already had. */
    boolean absorb(Case merged, Instant at) {
        if (mergedCaseIds.contains(merged.id)) {
            return false;
        }
        complainants.addAll(merged.complainants);
        mergedCaseIds.add(merged.id);
        repeats++;
        String mergedBy = merged.timeline.reversed().stream().filter(e -> e.action().equals("merged")).findFirst()
                .map(TimelineEntry::author).orElse("system");
        note(new Actor(mergedBy, at, null), "absorbed", merged.trackingCode, false);
        return true;
    }

    void addNote(Actor by, String action, String text, boolean visibleToCitizen) {
        note(by, action, text, visibleToCitizen);
    }

    /**
     * Records the breach of the current deadline once per round, deadline and due date (an extended deadline
     * can be breached again); returns the breached deadline, or null if there is none new.
     */
    DeadlineStep markOverdue(Instant at, LocalDate today) {
        DeadlineStep deadline = status == CaseStatus.RECEIVED ? DeadlineStep.ACCEPTANCE : DeadlineStep.RESOLUTION;
        LocalDate due = currentDue();
        String breach = round + "/" + deadline + "/" + due;
        if (!overdue(today) || breaches.contains(breach)) {
            return null;
        }
        breaches.add(breach);
        note(new Actor("system", at, today), "overdue", deadline.name(), false);
        record(OutboxEvent.of(FeedbackContract.CASE_OVERDUE, id, new CaseOverdue(id, kind.name(), round, responsibleUnitId,
                deadline.name(), due, today)));
        return deadline;
    }

    LocalDate currentDue() {
        return status == CaseStatus.RECEIVED ? acceptanceDueOn : dueOn;
    }

    boolean overdue(LocalDate today) {
        LocalDate due = currentDue();
        return status.open() && due != null && due.isBefore(today);
    }

    boolean prolonged(LocalDate today, int prolongedAfterDays) {
        return repeats > 0 || repeatOfCaseId != null || round > 1
                || (status.open() && ChronoUnit.DAYS.between(receivedOn, today) > prolongedAfterDays);
    }

    List<CaseAction> allowedActions() {
        return CaseLifecycle.allowed(kind, status, round);
    }

    private void note(Actor by, String action, String text, boolean visibleToCitizen) {
        timeline.add(new TimelineEntry(by.at(), by.subject(), action, status, text, visibleToCitizen));
    }

    record Complainant(String pseudonym, String identityRef) {
    }

    record Assignment(String unitId, LocalDate on, String by, String reason) {
    }

    record Extension(int round, int number, LocalDate previousDueOn, LocalDate dueOn, LocalDate on, String reason, String by) {
    }

    record TimelineEntry(Instant at, String author, String action, CaseStatus status, String note, boolean visibleToCitizen) {
    }

    record RoadmapStep(int number, String description, LocalDate dueOn, String status) {
    }

    record Resolution(LocalDate on, String summary, boolean onTime) {
    }

    record Round(int round, String responsibleUnitId, LocalDate acceptedOn, LocalDate dueOn, CaseStatus outcome,
            Resolution resolution) {
    }
}
