package org.danvan.feedback.cases;

import java.time.Clock;

import org.danvan.contracts.feedback.CaseMerged;
import org.danvan.support.aggregate.AggregateWrites;
import org.danvan.support.problem.ConflictException;
import org.springframework.stereotype.Component;

/**
 * The second half of a merge: the case merged into absorbs the merged case's complainants when the merged
 * event arrives. Applying the same merge again changes nothing.
 */
@Component
class CaseMerges {

    /** A step racing the absorption is retried this often before the binder's own retries take over. */
    private static final int ATTEMPTS = 5;

    private final CaseRepository repository;
    private final AggregateWrites writes;
    private final Clock clock;

    CaseMerges(CaseRepository repository, AggregateWrites writes, Clock clock) {
        this.repository = repository;
        this.writes = writes;
        this.clock = clock;
    }

    /** Returns whether the merge was applied now (false: already applied, or either case is gone). */
    boolean apply(CaseMerged merged) {
        for (int attempt = 1; ; attempt++) {
            Case from = repository.findById(merged.caseId()).orElse(null);
            Case into = repository.findById(merged.intoCaseId()).orElse(null);
            if (from == null || into == null || !into.absorb(from, clock.instant())) {
                return false;
            }
            try {
                writes.update(into);
                return true;
            } catch (ConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
