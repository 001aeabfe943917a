package org.danvan.feedback.petitions;

import org.danvan.support.problem.DanvanProblem;
import org.springframework.http.HttpStatus;

final class PetitionProblems {

    private PetitionProblems() {
    }

    static final class AlreadySigned extends DanvanProblem {
        AlreadySigned() {
            super(HttpStatus.CONFLICT, "petition-already-signed");
        }
    }

    static final class NotOpen extends DanvanProblem {
        NotOpen(String action, PetitionStatus status) {
            super(HttpStatus.CONFLICT, "petition-not-open", action, status);
        }
    }
}
