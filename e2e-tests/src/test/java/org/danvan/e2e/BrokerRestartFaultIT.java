package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.danvan.contracts.directive.DirectiveContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault 3: the broker stops in the middle of a load and comes back. directive-service goes on accepting
 * directives (they wait in its outbox), its relay and reporting-service's consumers reconnect by
 * themselves, and every directive ends up applied once. The broker is a process of its own
 * ({@link KafkaBrokerProcess}): the shared embedded one cannot be restarted.
 */
class BrokerRestartFaultIT {

    private static final int BEFORE = 50;
    private static final int WHILE_DOWN = 50;
    private static final int AFTER = 50;
    private static KafkaBrokerProcess broker;
    private static ServiceProcess directives;
    private static ServiceProcess reporting;

    @BeforeAll
    static void start() throws Exception {
        broker = new KafkaBrokerProcess().start().awaitReady();
        Map<String, String> env = FaultPlatform.environment(broker.bootstrapServers());
        directives = new ServiceProcess("directive-service", env).start();
        reporting = new ServiceProcess("reporting-service", env).start();
        directives.awaitHealthy();
        reporting.awaitHealthy();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        directives.stop();
        reporting.stop();
        broker.stop();
    }

    @Test
    void producersAndConsumersRecoverFromABrokerRestartAndNothingIsLost() throws Exception {
        String district = "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String commune = district + "-X1";
        for (String unit : List.of(FaultPlatform.unit(district, null, "DISTRICT"), FaultPlatform.unit(commune, district, "COMMUNE"))) {
            assertThat(FaultPlatform.create(directives.url() + "/api/v1/units", unit, false)).as("201 Created").isNotNull();
        }
        long applied = FaultPlatform.consumed(reporting, "applied", DirectiveContract.DIRECTIVE_ISSUED);

        List<String> issued = new ArrayList<>();
        issue(issued, district, commune, BEFORE);
        broker.stop();
        Instant stopped = Instant.now();
        // writes never wait for the broker: the events wait in the outbox
        issue(issued, district, commune, WHILE_DOWN);
        Instant restarting = Instant.now();
        broker.start().awaitReady();
        Duration down = Duration.between(stopped, Instant.now());
        issue(issued, district, commune, AFTER);

        await("every directive applied").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> FaultPlatform.consumed(reporting, "applied", DirectiveContract.DIRECTIVE_ISSUED) - applied >= issued.size());
        Duration recovered = Duration.between(restarting, Instant.now());
        // the relay may republish what it sent just before the broker went away: duplicates are counted apart
        await("the consumers caught up").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> FaultPlatform.lag(broker.bootstrapServers(), "reporting-service", DirectiveContract.DIRECTIVES.name()) == 0);
        long appliedNow = FaultPlatform.consumed(reporting, "applied", DirectiveContract.DIRECTIVE_ISSUED) - applied;
        long lost = issued.stream().filter(id -> !FaultPlatform.get(reporting.url() + "/api/v1/targets?directive=" + id)
                .contains("ENROLMENT_RATE")).count();
        FaultPlatform.report("broker stopped and restarted during a load", issued.size(), lost,
                Math.max(0, appliedNow - issued.size()), ("%d directives accepted while the broker was down %s;"
                        + " broker restart to every directive applied %s; redeliveries skipped as duplicates %d").formatted(
                        WHILE_DOWN, FaultPlatform.seconds(down), FaultPlatform.seconds(recovered),
                        FaultPlatform.consumed(reporting, "duplicate", DirectiveContract.DIRECTIVE_ISSUED)));
        assertThat(lost).isZero();
        assertThat(appliedNow).isEqualTo(issued.size());
    }

    private static void issue(List<String> issued, String issuer, String recipient, int count) {
        for (int i = 0; i < count; i++) {
            String body = FaultPlatform.create(directives.url() + "/api/v1/directives", FaultPlatform.directive(issuer, recipient), false);
            assertThat(body).as("201 Created").isNotNull();
            issued.add(FaultPlatform.id(body));
        }
    }
}
