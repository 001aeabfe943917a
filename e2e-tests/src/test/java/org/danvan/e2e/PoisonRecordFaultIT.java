package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.TargetPeriod;
import org.danvan.contracts.directive.TargetSpec;
import org.danvan.contracts.feedback.CaseReceived;
import org.danvan.contracts.feedback.CaseSubmitted;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.contracts.reporting.MembershipEnrolled;
import org.danvan.contracts.reporting.ReportAccepted;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.testsupport.EventProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault 4: on every topic a service consumes, three poison records — not JSON, the wrong schema, no
 * {@code ce_} headers — then a valid event under the same key (so on the same partition, behind them).
 * Each poison record lands in that consumer's dead-letter topic with its reason, and the valid event is
 * applied: a bad record never blocks a partition.
 */
class PoisonRecordFaultIT {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);
    private static ServiceProcess reporting;
    private static ServiceProcess feedback;
    private static EventProbe deadLetters;

    @BeforeAll
    static void start() {
        Map<String, String> env = FaultPlatform.environment();
        reporting = new ServiceProcess("reporting-service", env).start();
        feedback = new ServiceProcess("feedback-service", env).start();
        reporting.awaitHealthy();
        feedback.awaitHealthy();
        deadLetters = new EventProbe(ReportingContract.DEAD_LETTERS.name(), FeedbackContract.DEAD_LETTERS.name());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        reporting.stop();
        feedback.stop();
        deadLetters.close();
    }

    /** One consumed topic: the valid event sent behind the poison, and the services that consume it. */
    private record Case(ProducerRecord<String, byte[]> valid, List<ServiceProcess> consumers) {

        String key() {
            return valid.key();
        }

        String type() {
            return new String(valid.headers().lastHeader(KafkaCloudEvents.TYPE).value(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void poisonOnEveryConsumedTopicIsDeadLetteredWithItsReasonAndTheConsumerGoesOn() {
        String run = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        String unit = run + "-unit";
        List<Case> cases = List.of(
                new Case(FaultPlatform.unitRegistered(unit, "COMMUNE", null), List.of(reporting, feedback)),
                new Case(FaultPlatform.event(DirectiveContract.DIRECTIVES.name(), DirectiveContract.DIRECTIVE_ISSUED, run + "-directive",
                        new DirectiveIssued(run + "-directive", 1, "05-NQ/HU", "RESOLUTION", "Nghị quyết", unit, DAY, List.of(unit),
                                List.of(new TargetSpec("T1", "ENROLMENT_RATE", TargetSpec.Comparator.GTE, new BigDecimal("95"), null,
                                        TargetSpec.ThresholdUnit.PERCENT, List.of("COMMUNE"), List.of(),
                                        new TargetPeriod(TargetPeriod.Type.EVERY_YEAR, null, null), null)), null)), List.of(reporting)),
                new Case(FaultPlatform.event(ReportingContract.REPORTS.name(), ReportingContract.REPORT_ACCEPTED, run + "-report",
                        new ReportAccepted(run + "-report", 1, "DV-6T", unit, "2025H1",
                                Map.of("RESIDENTS", new ReportAccepted.ReportedValue(120, false, false)), false, DAY)), List.of(reporting)),
                new Case(FaultPlatform.event(FeedbackContract.CASES.name(), FeedbackContract.CASE_RECEIVED, run + "-case",
                        new CaseReceived(run + "-case", "COMPLAINT", 1, "COUNTER", unit, unit, unit, DAY, DAY.plusDays(10),
                                false, false, null)), List.of(reporting)),
                new Case(FaultPlatform.event(ReportingContract.MEMBERSHIP.name(), ReportingContract.MEMBERSHIP_ENROLLED, run + "-members",
                        new MembershipEnrolled("FARMERS_UNION", unit, "hv-1", DAY, true)), List.of(reporting)),
                new Case(FaultPlatform.event(FeedbackContract.CASE_INTAKE.name(), FeedbackContract.CASE_SUBMITTED, run + "-intake",
                        new CaseSubmitted(run + "-intake", "COMPLAINT", "Khiếu nại", "Nội dung khiếu nại", unit, DAY, null)),
                        List.of(feedback)));
        List<long[]> before = cases.stream().map(c -> applied(c)).toList();

        int sent = 0;
        for (Case c : cases) {
            for (ProducerRecord<String, byte[]> poison : poison(c)) {
                deadLetters.send(poison);
                sent++;
            }
            deadLetters.send(c.valid());
            sent++;
            if (c.consumers().contains(feedback) && c.key().equals(unit)) {
                // a case from another portal needs its area unit known first
                await("the unit applied").atMost(Duration.ofMinutes(2)).until(() -> applied(c)[1] > before.get(0)[1]);
            }
        }

        int expectedDeadLetters = cases.stream().mapToInt(c -> 3 * c.consumers().size()).sum();
        Instant sending = Instant.now();
        Progress done = await("every poison record dead-lettered, every valid event applied")
                .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> new Progress(deadLetters.records().stream().filter(r -> r.key() != null && r.key().startsWith(run)).toList(),
                        notApplied(cases, before)), p -> p.dead().size() >= expectedDeadLetters && p.notApplied().isEmpty());
        List<ConsumerRecord<String, byte[]>> dead = done.dead();
        List<String> reasons = new ArrayList<>();
        dead.forEach(r -> reasons.add(EventProbe.header(r, "x-exception-message")));
        FaultPlatform.report("poison records on every consumed topic", sent, expectedDeadLetters - dead.size(),
                Math.max(0, dead.size() - expectedDeadLetters), "%d dead letters with their reason, %d valid events applied behind them in %s"
                        .formatted(dead.size(), cases.size(), FaultPlatform.seconds(Duration.between(sending, Instant.now()))));
        assertThat(dead).hasSize(expectedDeadLetters);
        assertThat(reasons).allSatisfy(reason -> assertThat(reason).isNotBlank());
        for (Case c : cases) {
            long reportingDead = dead.stream().filter(r -> r.key().equals(c.key())
                    && r.topic().equals(ReportingContract.DEAD_LETTERS.name())).count();
            long feedbackDead = dead.stream().filter(r -> r.key().equals(c.key())
                    && r.topic().equals(FeedbackContract.DEAD_LETTERS.name())).count();
            assertThat(reportingDead).as(c.valid().topic()).isEqualTo(c.consumers().contains(reporting) ? 3 : 0);
            assertThat(feedbackDead).as(c.valid().topic()).isEqualTo(c.consumers().contains(feedback) ? 3 : 0);
        }
    }

    /** Not JSON, the wrong schema, and no CloudEvents headers at all, under the valid event's key. */
    private static List<ProducerRecord<String, byte[]>> poison(Case c) {
        String topic = c.valid().topic();
        return List.of(
                KafkaCloudEvents.toRecord(topic, new CloudEvent(UUID.randomUUID().toString(), "/e2e/faults", c.type(), c.key(),
                        Instant.now(), "{not json".getBytes(StandardCharsets.UTF_8))),
                KafkaCloudEvents.toRecord(topic, new CloudEvent(UUID.randomUUID().toString(), "/e2e/faults", c.type(), c.key(),
                        Instant.now(), EventJson.write(Map.of("unexpected", true)))),
                new ProducerRecord<>(topic, c.key(), c.valid().value()));
    }

    /** The applied count of the case's event type at reporting-service and at feedback-service. */
    private static long[] applied(Case c) {
        return new long[] {FaultPlatform.consumed(reporting, "applied", c.type()), FaultPlatform.consumed(feedback, "applied", c.type())};
    }

    /** The types of the valid events that a consumer has not applied yet. */
    private static List<String> notApplied(List<Case> cases, List<long[]> before) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            long[] now = applied(cases.get(i));
            if (cases.get(i).consumers().contains(reporting) && now[0] <= before.get(i)[0]) {
                missing.add("reporting-service " + cases.get(i).type());
            }
            if (cases.get(i).consumers().contains(feedback) && now[1] <= before.get(i)[1]) {
                missing.add("feedback-service " + cases.get(i).type());
            }
        }
        return missing;
    }

    /** Dead letters so far and the valid events not applied yet; printed when the wait times out. */
    private record Progress(List<ConsumerRecord<String, byte[]>> dead, List<String> notApplied) {

        @Override
        public String toString() {
            return dead.size() + " dead letters (" + dead.stream().map(r -> r.topic() + "/" + r.key()).toList()
                    + "), not applied: " + notApplied;
        }
    }
}
