package org.danvan.feedback.sessions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.danvan.contracts.feedback.CommitmentDue;
import org.danvan.contracts.feedback.CommitmentFulfilled;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.contracts.feedback.SessionHeld;
import org.danvan.support.aggregate.AggregateRoot;
import org.danvan.support.outbox.OutboxEvent;
import org.danvan.support.problem.ResourceNotFoundException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A session held, the matters citizens raised and the commitments made, with their follow-up. Each step
 * records its event; {@code AggregateWrites} stores state and event in one versioned write.
 */
@Document("sessions")
class Session extends AggregateRoot {

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

    static Session held(String id, SessionRequests.Record request) {
        Session s = new Session();
        s.id = id;
        s.kind = request.kind();
        s.hostUnitId = request.hostUnitId();
        s.hostName = request.hostName();
        s.hostTitle = request.hostTitle();
        s.hostedBySecretary = Boolean.TRUE.equals(request.hostedBySecretary());
        s.heldOn = request.heldOn();
        s.place = request.place();
        s.attendees = request.attendees();
        s.petitionId = request.petitionId();
        List<String> matters = request.matters() == null ? List.of() : request.matters();
        for (int i = 0; i < matters.size(); i++) {
            s.matters.add(new Matter(i + 1, matters.get(i), null));
        }
        List<SessionRequests.CommitmentRequest> commitments = request.commitments() == null ? List.of() : request.commitments();
        for (int i = 0; i < commitments.size(); i++) {
            SessionRequests.CommitmentRequest c = commitments.get(i);
            s.commitments.add(new Commitment(i + 1, c.text(), c.responsibleUnitId(), c.dueOn(), null, null, false));
        }
        s.record(OutboxEvent.of(FeedbackContract.SESSION_HELD, id, new SessionHeld(id, s.kind.name(), s.hostUnitId,
                s.hostedBySecretary, s.heldOn, s.attendees, s.matters.size(), s.commitments.size())));
        return s;
    }

    Matter matter(int number) {
        return matters.stream().filter(m -> m.number() == number).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("matter", id + "/" + number));
    }

    /** Links the case a matter was filed as; a matter already filed keeps its case. */
    void fileMatter(int number, String caseId) {
        Matter matter = matter(number);
        if (matter.caseId() == null) {
            matters.set(number - 1, new Matter(number, matter.summary(), caseId));
        }
    }

    /** Fulfils a commitment on {@code on}; returns false if it already was. */
    boolean fulfil(int number, LocalDate on, String note) {
        Commitment c = commitments.stream().filter(it -> it.number() == number).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("commitment", id + "/" + number));
        if (c.fulfilledOn() != null) {
            return false;
        }
        commitments.set(number - 1, new Commitment(number, c.text(), c.responsibleUnitId(), c.dueOn(), on, note, c.dueReported()));
        record(OutboxEvent.of(FeedbackContract.COMMITMENT_FULFILLED, id, new CommitmentFulfilled(id, number,
                c.responsibleUnitId(), c.dueOn(), on, !on.isAfter(c.dueOn()))));
        return true;
    }

    /** Reports, once each, the commitments whose due date passed unfulfilled before {@code today}; returns how many. */
    int reportDue(LocalDate today) {
        int reported = 0;
        for (int i = 0; i < commitments.size(); i++) {
            Commitment c = commitments.get(i);
            if (c.fulfilledOn() == null && !c.dueReported() && c.dueOn().isBefore(today)) {
                commitments.set(i, new Commitment(c.number(), c.text(), c.responsibleUnitId(), c.dueOn(), null, c.note(), true));
                record(OutboxEvent.of(FeedbackContract.COMMITMENT_DUE, id, new CommitmentDue(id, c.number(),
                        c.responsibleUnitId(), c.dueOn(), today)));
                reported++;
            }
        }
        return reported;
    }

    record Matter(int number, String summary, String caseId) {
    }

    record Commitment(int number, String text, String responsibleUnitId, LocalDate dueOn, LocalDate fulfilledOn,
            String note, boolean dueReported) {
    }
}
