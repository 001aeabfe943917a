package org.danvan.feedback.sessions;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hourly: commitments made at sessions whose due date passed unfulfilled are published, each once. */
@Component
class CommitmentCheck {

    private final Sessions sessions;

    private final Clock clock;

    CommitmentCheck(Sessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Scheduled(cron = "${danvan.sessions.commitment-check-cron}", zone = "${danvan.time-zone:Asia/Ho_Chi_Minh}")
    void run() {
        sessions.reportDueCommitments(LocalDate.now(clock));
    }
}
