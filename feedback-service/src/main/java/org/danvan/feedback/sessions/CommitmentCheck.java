package org.danvan.feedback.sessions;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hourly: commitments made at sessions whose due date passed unfulfilled are published, each once. */
@Component
class CommitmentCheck {

    private final Sessions sessions;

    CommitmentCheck(Sessions sessions) {
        this.sessions = sessions;
    }

    @Scheduled(cron = "${danvan.sessions.commitment-check-cron}", zone = "Asia/Ho_Chi_Minh")
    void run() {
        sessions.reportDueCommitments(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
    }
}
