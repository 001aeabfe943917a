package org.danvan.feedback.cases;

import java.time.Clock;

import org.danvan.feedback.deadlines.Deadlines;
import org.danvan.support.aggregate.AggregateWrites;
import org.springframework.stereotype.Service;

/** What a citizen does with the tracking code and secret: follow the case, add information, reopen it. */
@Service
class CaseTracking {

    private static final String CITIZEN = "citizen";

    private final CaseRepository repository;
    private final AggregateWrites writes;
    private final CaseRouting routing;
    private final Deadlines deadlines;
    private final Clock clock;

    CaseTracking(CaseRepository repository, AggregateWrites writes, CaseRouting routing, Deadlines deadlines, Clock clock) {
        this.repository = repository;
        this.writes = writes;
        this.routing = routing;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    PublicCaseView track(String code, String secret) {
        return PublicCaseView.of(tracked(code, secret));
    }

    PublicCaseView addInformation(String code, String secret, String information) {
        Case c = tracked(code, secret);
        c.addNote(Actor.of(CITIZEN, clock), "information-added", information, true);
        return PublicCaseView.of(writes.update(c));
    }

    PublicCaseView reopen(String code, String secret, String reason) {
        Case c = tracked(code, secret);
        c.reopen(Actor.of(CITIZEN, clock), null, reason, routing::nextAuthority, deadlines);
        return PublicCaseView.of(writes.update(c));
    }

    private Case tracked(String code, String secret) {
        return repository.findByTrackingCode(code)
                .filter(c -> TrackingCodes.matches(secret, c.trackingSecretHash))
                .orElseThrow(CaseProblems.TrackingRefused::new);
    }
}
