package org.danvan.feedback.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.danvan.feedback.deadlines.Complexity;
import org.danvan.support.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Persistence form of a case. Citizens appear only as pseudonyms with references into the identity vault;
 * pending events ride in {@code outbox} in the same document write as the change that caused them.
 */
@Document("cases")
class CaseDocument {

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
    List<OutboxEvent> outbox = new ArrayList<>();

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
