package org.danvan.feedback.petitions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.danvan.support.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A collective petition with its counts and duties; the signatures themselves live in their own collection. */
@Document("petitions")
class PetitionDocument {

    @Id
    String id;
    @Version
    Long storeVersion;
    String title;
    String text;
    String searchText;
    String responsibleUnitId;
    String openedBy;
    LocalDate openedOn;
    LocalDate signingClosesOn;
    PetitionStatus status;
    int onlineSignatures;
    int paperSignatures;
    /** Attempts to sign again with an identity that already signed. */
    int repeatedAttempts;
    List<Duty> duties = new ArrayList<>();
    /** Suspicious patterns for a reviewer to look at, by kind, with a count. */
    Map<String, Integer> flags = new LinkedHashMap<>();
    LocalDate closedOn;
    LocalDate answeredOn;
    String answer;
    List<OutboxEvent> outbox = new ArrayList<>();

    int signatures() {
        return onlineSignatures + paperSignatures;
    }

    record Duty(int threshold, PetitionsProperties.Duty kind, LocalDate createdOn, LocalDate dueOn, LocalDate fulfilledOn) {
    }
}
