package org.danvan.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.support.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final LocalDate DUE = LocalDate.of(2025, 7, 15);

    private static Map<String, ReportValue> residents(int count) {
        return Map.of("RESIDENTS", new ReportValue(BigDecimal.valueOf(count), null, false, false));
    }

    private static Report draft() {
        return Report.draft("r-1", "DV-6T", "XA-1", "2025H1", residents(1000), Instant.EPOCH, DUE);
    }

    @Test
    void onlyTheFirstSubmissionDecidesLatenessAndOnlyAcceptanceAndRevisionRecordEvents() {
        Report report = draft();
        assertThat(report.submit(() -> { }, DUE.plusDays(1), null)).isTrue();
        assertThat(report.late()).isTrue();
        report.returnForCorrection(List.of("thiếu số liệu"), DUE.plusDays(2));
        report.edit(() -> residents(1100));
        assertThat(report.submit(() -> { }, DUE.plusDays(3), null)).isFalse();
        assertThat(report.recordedEvents()).isEmpty();

        report.accept(DUE.plusDays(4));
        report.revise(() -> residents(1200), "bổ sung", DUE.plusDays(5));

        assertThat(report.recordedEvents()).extracting(OutboxEvent::type)
                .containsOnly(ReportingContract.REPORT_ACCEPTED).hasSize(2);
        assertThat(report.revisions()).extracting(Report.Revision::revision).containsExactly(1, 2);
        assertThat(report.view().status()).isEqualTo(ReportStatus.ACCEPTED);
    }

    @Test
    void aReportReceivedOnPaperIsJudgedOnTheDayItWasReceivedNotTheDayItWasTypedIn() {
        Report report = draft();
        // received on 10/07 (due 15/07 here), typed in much later
        Report.Receipt paper = new Report.Receipt(DUE.minusDays(5), "van-thu", Instant.parse("2026-11-30T02:00:00Z"));
        assertThat(report.submit(() -> { }, DUE.plusYears(5), paper)).isTrue();
        assertThat(report.late()).isFalse();
        assertThat(report.view().firstSubmittedOn()).isEqualTo(DUE.minusDays(5));
        assertThat(report.view().receipt()).isEqualTo(new ReportView.ReceiptView(DUE.minusDays(5), "van-thu",
                Instant.parse("2026-11-30T02:00:00Z")));

        Report late = draft();
        assertThat(late.submit(() -> { }, DUE.plusYears(5), new Report.Receipt(DUE.plusDays(1), "van-thu", Instant.EPOCH)))
                .isTrue();
        assertThat(late.late()).isTrue();
    }

    @Test
    void aStepTheStatusForbidsIsRefusedBeforeItsValuesAreCheckedAndChangesNothing() {
        Report report = draft();
        assertThatThrownBy(() -> report.revise(() -> {
            throw new AssertionError("values checked although the step is not allowed");
        }, "lý do", DUE)).isInstanceOf(ReportProblems.IllegalTransition.class);
        assertThatThrownBy(() -> report.accept(DUE)).isInstanceOf(ReportProblems.IllegalTransition.class);
        assertThat(report.recordedEvents()).isEmpty();
        assertThat(report.view().revision()).isZero();
    }
}
