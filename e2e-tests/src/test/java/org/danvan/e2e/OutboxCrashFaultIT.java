package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault 2: directive-service and feedback-service die by SIGKILL right after bursts of accepted writes,
 * while their outboxes still hold events. After the restart every accepted write's event is on its topic
 * (republished copies carry the same {@code ce_id}), and reporting-service applies each one once.
 */
class OutboxCrashFaultIT {

    private static final int BURST = 200;
    private static final String SLOW_RELAY = "--danvan.outbox.poll-interval=2s";
    private static ServiceProcess directives;
    private static ServiceProcess feedback;
    private static ServiceProcess reporting;
    private static EventProbe probe;

    @BeforeAll
    static void start() {
        Map<String, String> env = FaultPlatform.environment();
        // a relay round every 2 s instead of 200 ms: the kill certainly finds accepted events still in the outboxes
        directives = new ServiceProcess("directive-service", env).start(SLOW_RELAY);
        feedback = new ServiceProcess("feedback-service", env).start(SLOW_RELAY);
        reporting = new ServiceProcess("reporting-service", env).start();
        directives.awaitHealthy();
        feedback.awaitHealthy();
        reporting.awaitHealthy();
        probe = new EventProbe(DirectiveContract.UNITS.name(), DirectiveContract.DIRECTIVES.name(), FeedbackContract.CASES.name());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (ServiceProcess process : new ServiceProcess[] {directives, feedback, reporting}) {
            process.stop();
        }
        probe.close();
    }

    @Test
    void everyAcceptedWriteIsPublishedAndAppliedOnceThoughTheWriterIsKilledRightAfterIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String district = "F" + run;
        awaitCaughtUp(reporting, "reporting-service", DirectiveContract.UNITS.name(), DirectiveContract.DIRECTIVES.name(),
                FeedbackContract.CASES.name());
        long unitsApplied = FaultPlatform.consumed(reporting, "applied", DirectiveContract.UNIT_REGISTERED);
        long directivesApplied = FaultPlatform.consumed(reporting, "applied", DirectiveContract.DIRECTIVE_ISSUED);
        long casesApplied = FaultPlatform.consumed(reporting, "applied", FeedbackContract.CASE_RECEIVED);

        // a burst of 100 units and 100 directives, then kill -9 the moment the last 201 is back
        List<String> units = new ArrayList<>();
        List<String> directiveIds = new ArrayList<>();
        units.add(register(district, null, "DISTRICT"));
        for (int i = 1; i < BURST / 2; i++) {
            units.add(register(district + "-X" + i, district, "COMMUNE"));
        }
        for (int i = 0; i < BURST / 2; i++) {
            directiveIds.add(FaultPlatform.id(accepted(FaultPlatform.create(directives.url() + "/api/v1/directives",
                    FaultPlatform.directive(district, units.get(1 + i % (units.size() - 1))), false))));
        }
        directives.kill();
        long unitsAtKill = awaitSettled(DirectiveContract.UNIT_REGISTERED, units).arrived();
        long directivesAtKill = awaitSettled(DirectiveContract.DIRECTIVE_ISSUED, directiveIds).arrived();
        Instant restarted = Instant.now();
        directives.start().awaitHealthy();
        Delivery unitEvents = awaitDelivered(DirectiveContract.UNIT_REGISTERED, units);
        Delivery directiveEvents = awaitDelivered(DirectiveContract.DIRECTIVE_ISSUED, directiveIds);
        Duration directivesRecovered = Duration.between(restarted, Instant.now());

        // a burst of 200 cases filed by citizens into those communes, then kill -9 feedback-service
        awaitCaughtUp(feedback, "feedback-service", DirectiveContract.UNITS.name());
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            cases.add(FaultPlatform.id(accepted(FaultPlatform.create(feedback.url() + "/api/v1/cases", """
                    {"kind":"REFLECTION","subject":"Đèn đường hỏng %d","content":"Đèn đường của thôn hỏng đã hai tuần.",
                     "areaUnitId":"%s"}""".formatted(i, units.get(1 + i % (units.size() - 1))), true))));
        }
        feedback.kill();
        long casesAtKill = awaitSettled(FeedbackContract.CASE_RECEIVED, cases).arrived();
        restarted = Instant.now();
        feedback.start().awaitHealthy();
        Delivery caseEvents = awaitDelivered(FeedbackContract.CASE_RECEIVED, cases);
        Duration feedbackRecovered = Duration.between(restarted, Instant.now());

        awaitCaughtUp(reporting, "reporting-service", DirectiveContract.UNITS.name(), DirectiveContract.DIRECTIVES.name(),
                FeedbackContract.CASES.name());
        long appliedUnits = FaultPlatform.consumed(reporting, "applied", DirectiveContract.UNIT_REGISTERED) - unitsApplied;
        long appliedDirectives = FaultPlatform.consumed(reporting, "applied", DirectiveContract.DIRECTIVE_ISSUED) - directivesApplied;
        long appliedCases = FaultPlatform.consumed(reporting, "applied", FeedbackContract.CASE_RECEIVED) - casesApplied;
        FaultPlatform.report("kill -9 directive-service after 200 accepted writes", BURST,
                unitEvents.lost() + directiveEvents.lost(),
                unitEvents.duplicated() + directiveEvents.duplicated() + Math.max(0, appliedUnits + appliedDirectives - BURST),
                ("still in the outbox at the kill %d; republished copies (same ce_id) %d; applied by reporting-service %d;"
                        + " restart to every event on its topic %s").formatted(BURST - unitsAtKill - directivesAtKill,
                        unitEvents.copies() + directiveEvents.copies(), appliedUnits + appliedDirectives,
                        FaultPlatform.seconds(directivesRecovered)));
        FaultPlatform.report("kill -9 feedback-service after 200 cases filed", BURST, caseEvents.lost(),
                caseEvents.duplicated() + Math.max(0, appliedCases - BURST),
                ("still in the outbox at the kill %d; republished copies (same ce_id) %d; applied by reporting-service %d;"
                        + " restart to every event on its topic %s").formatted(BURST - casesAtKill, caseEvents.copies(),
                        appliedCases, FaultPlatform.seconds(feedbackRecovered)));
        for (Delivery delivery : List.of(unitEvents, directiveEvents, caseEvents)) {
            assertThat(delivery.lost()).isZero();
            assertThat(delivery.duplicated()).isZero();
        }
        assertThat(BURST - unitsAtKill - directivesAtKill).as("events left in the outbox by the kill").isPositive();
        assertThat(BURST - casesAtKill).as("events left in the outbox by the kill").isPositive();
        assertThat(appliedUnits).isEqualTo(BURST / 2);
        assertThat(appliedDirectives).isEqualTo(BURST / 2);
        assertThat(appliedCases).isEqualTo(BURST);
    }

    private static String register(String code, String parentId, String level) {
        accepted(FaultPlatform.create(directives.url() + "/api/v1/units", FaultPlatform.unit(code, parentId, level), false));
        return code;
    }

    private static String accepted(String body) {
        assertThat(body).as("201 Created").isNotNull();
        return body;
    }

    private static void awaitCaughtUp(ServiceProcess service, String group, String... topics) {
        String servers = TestInfrastructure.endpoints().kafkaBootstrapServers();
        await(group + " caught up").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                List.of(topics).stream().mapToLong(topic -> FaultPlatform.lag(servers, group, topic)).sum() == 0);
    }

    /** Waits until each accepted id has its event on the topic, and counts what arrived. */
    private static Delivery awaitDelivered(String type, List<String> ids) {
        Supplier<Delivery> delivery = () -> Delivery.of(probe.records(), type, ids);
        return await(type + " for every accepted write").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(delivery::get, d -> d.lost() == 0);
    }

    /** What the dead writer had published: the probe's view once two reads a second apart agree. */
    private static Delivery awaitSettled(String type, List<String> ids) {
        List<Delivery> reads = new ArrayList<>();
        await(type + " settled").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            reads.add(Delivery.of(probe.records(), type, ids));
            return reads.size() >= 2 && reads.getLast().equals(reads.get(reads.size() - 2));
        });
        return reads.getLast();
    }

    /**
     * What a topic holds for accepted writes: {@code lost} writes without their event, {@code duplicated}
     * writes published under more than one {@code ce_id} (an effect twice), {@code copies} republished
     * records with an id already seen (at-least-once delivery, harmless to an idempotent consumer).
     */
    record Delivery(long accepted, long lost, long duplicated, long copies) {

        long arrived() {
            return accepted - lost;
        }

        static Delivery of(List<ConsumerRecord<String, byte[]>> records, String type, List<String> ids) {
            Map<String, Set<String>> eventIds = new HashMap<>();
            long raw = 0;
            Set<String> wanted = new HashSet<>(ids);
            for (ConsumerRecord<String, byte[]> r : records) {
                if (wanted.contains(r.key()) && type.equals(EventProbe.header(r, "ce_type"))) {
                    eventIds.computeIfAbsent(r.key(), k -> new HashSet<>()).add(EventProbe.header(r, "ce_id"));
                    raw++;
                }
            }
            long distinct = eventIds.values().stream().mapToLong(Set::size).sum();
            return new Delivery(ids.size(), ids.size() - eventIds.size(),
                    eventIds.values().stream().mapToLong(s -> s.size() - 1).sum(), raw - distinct);
        }
    }
}
