package org.danvan.feedback.sessions;

import java.time.LocalDate;
import java.util.List;

record SessionView(String id, SessionKind kind, String hostUnitId, String hostName, String hostTitle,
        boolean hostedBySecretary, LocalDate heldOn, String place, int attendees, String petitionId,
        List<Session.Matter> matters, List<Session.Commitment> commitments, long version) {

    static SessionView of(Session s) {
        return new SessionView(s.id, s.kind, s.hostUnitId, s.hostName, s.hostTitle, s.hostedBySecretary, s.heldOn, s.place,
                s.attendees, s.petitionId, s.matters, s.commitments, s.storeVersion == null ? 0 : s.storeVersion);
    }
}
