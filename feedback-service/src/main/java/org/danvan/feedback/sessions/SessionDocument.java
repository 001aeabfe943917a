package org.danvan.feedback.sessions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.danvan.support.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A session held, the matters citizens raised and the commitments made, with their follow-up. */
@Document("sessions")
class SessionDocument {

    @Id
    String id;
    @Version
    Long storeVersion;
    SessionKind kind;
    @Indexed
    String hostUnitId;
    String hostName;
    String hostTitle;
    boolean hostedBySecretary;
    LocalDate heldOn;
    String place;
    int attendees;
    String petitionId;
    List<Matter> matters = new ArrayList<>();
    List<Commitment> commitments = new ArrayList<>();
    List<OutboxEvent> outbox = new ArrayList<>();

    record Matter(int number, String summary, String caseId) {
    }

    record Commitment(int number, String text, String responsibleUnitId, LocalDate dueOn, LocalDate fulfilledOn,
            String note, boolean dueReported) {
    }
}
