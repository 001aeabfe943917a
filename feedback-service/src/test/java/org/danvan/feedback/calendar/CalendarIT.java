package org.danvan.feedback.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.feedback.cases.FeedbackTestTree;
import org.danvan.feedback.units.UnitDirectory;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestClock;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Operators load the government's schedule; the calendar and the reminder gauge follow. Years 2030–2031 only. */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class CalendarIT {

    private static final String OPERATOR = TestTokens.issue("operator", null, "operator");

    @Autowired
    TestRestTemplate http;
    @Autowired
    MeterRegistry meters;
    @Autowired
    UnitDirectory directory;

    @AfterEach
    void unpinClock() {
        TestClock.instance().reset();
    }

    private ResponseEntity<Map<String, Object>> call(HttpMethod method, String path, Object body, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        return http.exchange(path, method, new HttpEntity<>(body, headers), new ParameterizedTypeReference<>() { });
    }

    private double missing() {
        return meters.get("danvan.holiday.schedule.missing").gauge().value();
    }

    @Test
    void anAnnouncedScheduleReplacesTheEstimateAndStopsTheReminder() {
        Map<String, Object> estimate = call(HttpMethod.GET, "/api/v1/calendar/2031", null, OPERATOR).getBody();
        assertThat(estimate).containsEntry("official", false);
        // Tết 2031 is Thursday 23/1: 22–26/1 off, Saturday 25 and Sunday 26 compensated on 27 and 28
        assertThat((List<String>) estimate.get("daysOff")).contains("2031-01-22", "2031-01-26", "2031-01-27", "2031-01-28");

        var load2030 = call(HttpMethod.PUT, "/api/v1/admin/calendar/2030", Map.of("daysOff", List.of("2030-01-01"),
                "source", "Thông báo thử nghiệm 2030"), OPERATOR);
        assertThat(load2030.getStatusCode()).as(String.valueOf(load2030.getBody())).isEqualTo(HttpStatus.OK);
        TestClock.instance().pin(Instant.parse("2030-09-30T12:00:00Z"));
        assertThat(missing()).as("September: next year can wait").isZero();
        TestClock.instance().pin(Instant.parse("2030-09-30T17:30:00Z")); // 00:30 on 1 October in Vietnam
        assertThat(missing()).as("from 1 October, next year's schedule is due").isEqualTo(1);

        var loaded = call(HttpMethod.PUT, "/api/v1/admin/calendar/2031", Map.of(
                "daysOff", List.of("2031-01-01", "2031-01-22", "2031-01-23", "2031-01-24", "2031-01-27", "2031-01-28"),
                "workingDays", List.of("2031-01-18"), "source", "Thông báo thử nghiệm 2031"), OPERATOR);
        assertThat(loaded.getStatusCode()).as(String.valueOf(loaded.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(loaded.getBody()).containsEntry("official", true).containsEntry("source", "Thông báo thử nghiệm 2031");
        assertThat((List<String>) loaded.getBody().get("workingDays")).containsExactly("2031-01-18");
        assertThat(missing()).isZero();
        assertThat(call(HttpMethod.GET, "/api/v1/calendar/2031", null, OPERATOR).getBody()).containsEntry("official", true);
    }

    @Test
    void aCaseWhoseDeadlineCrossesIntoAYearWithoutItsScheduleSaysItsDatesAreProvisional() {
        FeedbackTestTree tree;
        try (EventProbe probe = new EventProbe(FeedbackContract.CASES.name())) {
            tree = new FeedbackTestTree(http, probe, directory);
        }
        TestClock.instance().pin(Instant.parse("2026-11-02T03:00:00Z"));
        Map<String, Object> early = file(tree);
        assertThat(early).containsEntry("acceptanceDueOn", "2026-11-16").containsEntry("deadlinesProvisional", false);
        // ten working days from 28/12/2026 end in January 2027, whose schedule is not announced yet
        TestClock.instance().pin(Instant.parse("2026-12-28T03:00:00Z"));
        assertThat(file(tree)).containsEntry("deadlinesProvisional", true);
    }

    private Map<String, Object> file(FeedbackTestTree tree) {
        String id = (String) tree.post("/api/v1/cases", Map.of("kind", "COMPLAINT", "subject", "Khiếu nại",
                "content", "Nội dung khiếu nại", "areaUnitId", tree.villageA), null).getBody().get("id");
        return tree.get("/api/v1/cases/" + id, tree.reviewerA).getBody();
    }

    @Test
    void aScheduleThatContradictsItselfIsRefusedNamingTheFields() {
        var refused = call(HttpMethod.PUT, "/api/v1/admin/calendar/2030", Map.of(
                "daysOff", List.of("2029-12-31", "2030-01-05"), "workingDays", List.of("2030-01-07", "2030-01-05"),
                "source", "x"), OPERATOR);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) refused.getBody().get("errors")).extracting(e -> e.get("field"))
                .contains("daysOff", "workingDays");
        var noSource = call(HttpMethod.PUT, "/api/v1/admin/calendar/2030", Map.of("daysOff", List.of()), OPERATOR);
        assertThat(noSource.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(call(HttpMethod.PUT, "/api/v1/admin/calendar/2030", Map.of("daysOff", List.of(), "source", "x"),
                TestTokens.issue("reviewer", "somewhere", "reviewer")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
