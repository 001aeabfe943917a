package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.danvan.contracts.reporting.ReportingContract.MEMBERSHIP_ENROLLED;
import static org.danvan.contracts.reporting.ReportingContract.MEMBERSHIP_LEFT;
import static org.danvan.contracts.reporting.ReportingContract.MEMBERSHIP_SNAPSHOT;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.danvan.contracts.reporting.MembershipEnrolled;
import org.danvan.contracts.reporting.MembershipLeft;
import org.danvan.contracts.reporting.MembershipSnapshot;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fault 1: reporting-service dies by SIGKILL while it consumes a member registry's stream. What it had
 * applied but not yet committed comes again after the restart, on top of the registry's own redeliveries
 * of the same {@code ce_id}; the member figures must still equal the registry's totals exactly.
 */
class MembershipCrashFaultIT {

    /** 100,000 by default; {@code -Ddanvan.faults.membership-events=} for a smaller or larger run. */
    private static final int EVENTS = Integer.getInteger("danvan.faults.membership-events", 100_000);
    private static final int COMMUNES = 20;
    private static final String TOPIC = ReportingContract.MEMBERSHIP.name();
    private static final String ORGANISATION = "FARMERS_UNION";
    private static final LocalDate SNAPSHOT_ON = LocalDate.of(2024, 12, 31);
    private static final LocalDate ENROLLED_ON = LocalDate.of(2025, 2, 1);
    private static final LocalDate LEFT_ON = LocalDate.of(2025, 5, 1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServiceProcess reporting;

    @AfterEach
    void stop() throws InterruptedException {
        reporting.stop();
    }

    @Test
    void memberFiguresEqualTheRegistrysTotalsThoughTheConsumerIsKilledMidStream() throws Exception {
        String servers = TestInfrastructure.endpoints().kafkaBootstrapServers();
        String district = "fault-huyen-" + UUID.randomUUID().toString().substring(0, 8);
        reporting = new ServiceProcess("reporting-service", FaultPlatform.environment()).start().awaitHealthy();

        Instant sending = Instant.now();
        Registry registry = new Registry(district);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            registry.publish(producer);
        }
        assertThat(registry.failure.get()).as("every record acknowledged by the broker").isNull();

        // kill -9 a third of the way in: applied records whose offsets are not yet committed come again
        String[] types = {MEMBERSHIP_ENROLLED, MEMBERSHIP_LEFT, MEMBERSHIP_SNAPSHOT};
        await("a third consumed").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> FaultPlatform.consumed(reporting, null, types) >= EVENTS / 3);
        long beforeKill = FaultPlatform.consumed(reporting, null, types);
        Duration firstThird = Duration.between(sending, Instant.now());
        reporting.kill();

        Instant restarted = Instant.now();
        reporting.start().awaitHealthy();
        Duration healthy = Duration.between(restarted, Instant.now());
        await("the rest consumed").atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1))
                .until(() -> FaultPlatform.lag(servers, "reporting-service", TOPIC) == 0);
        Duration caughtUp = Duration.between(restarted, Instant.now());
        long afterRestart = FaultPlatform.consumed(reporting, null, types);

        long members = figure("MEMBERS_ENROLLED", district);
        long active = figure("MEMBERS_ACTIVE", district);
        FaultPlatform.report("kill -9 reporting-service while consuming membership", registry.sent,
                Math.max(0, registry.members - members) + Math.max(0, registry.active - active),
                Math.max(0, members - registry.members) + Math.max(0, active - registry.active),
                ("redelivered by the registry %d, consumed again after the kill %d, consumed before the kill %d in %s;"
                        + " restart to healthy %s, to caught up %s").formatted(registry.redelivered,
                        beforeKill + afterRestart - registry.sent, beforeKill, FaultPlatform.seconds(firstThird),
                        FaultPlatform.seconds(healthy), FaultPlatform.seconds(caughtUp)));
        assertThat(members).isEqualTo(registry.members);
        assertThat(active).isEqualTo(registry.active);
        assertThat(figure("MEMBERS_" + ORGANISATION, district)).isEqualTo(registry.members);
    }

    /** The unit's figure for the first half of 2025, on the last day of which every departure has happened. */
    private long figure(String element, String unit) {
        String body = FaultPlatform.get(reporting.url() + "/api/v1/data-elements/" + element + "/values?unit=" + unit
                + "&period=2025H1");
        return new BigDecimal(JSON.readTree(body).path("value").asString("0")).longValueExact();
    }

    /**
     * A member registry's stream over the communes of one district: a snapshot per commune, then enrolments
     * (three in four active), every 10th enrolment sent again with the same ce_id a little later, every 20th
     * member leaving. It keeps the totals the figures must show.
     */
    private static final class Registry {

        private final String district;
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private long sent;
        private long redelivered;
        private long members;
        private long active;

        Registry(String district) {
            this.district = district;
        }

        void publish(KafkaProducer<String, byte[]> producer) {
            deliver(producer, FaultPlatform.unitRegistered(district, "DISTRICT", null));
            String[] communes = new String[COMMUNES];
            for (int c = 0; c < COMMUNES; c++) {
                communes[c] = district + "-xa-" + c;
                deliver(producer, FaultPlatform.unitRegistered(communes[c], "COMMUNE", district));
            }
            for (String commune : communes) {
                send(producer, FaultPlatform.event(TOPIC, MEMBERSHIP_SNAPSHOT, commune,
                        new MembershipSnapshot(ORGANISATION, commune, SNAPSHOT_ON, 100, 60)));
                members += 100;
                active += 60;
            }
            @SuppressWarnings("unchecked")
            ProducerRecord<String, byte[]>[] recent = new ProducerRecord[64];
            for (int i = 0; sent < EVENTS; i++) {
                String commune = communes[i % COMMUNES];
                boolean isActive = i % 4 != 0;
                ProducerRecord<String, byte[]> enrolled = FaultPlatform.event(TOPIC, MEMBERSHIP_ENROLLED, commune,
                        new MembershipEnrolled(ORGANISATION, commune, "hv-" + i, ENROLLED_ON, isActive));
                send(producer, enrolled);
                members++;
                active += isActive ? 1 : 0;
                recent[i % recent.length] = enrolled;
                ProducerRecord<String, byte[]> earlier = recent[(i + 1) % recent.length];
                if (i % 10 == 0 && earlier != null && sent < EVENTS) {
                    send(producer, new ProducerRecord<>(TOPIC, null, earlier.key(), earlier.value(), earlier.headers()));
                    redelivered++;
                }
                if (i % 20 == 0 && sent < EVENTS) {
                    send(producer, FaultPlatform.event(TOPIC, MEMBERSHIP_LEFT, commune,
                            new MembershipLeft(ORGANISATION, commune, "hv-" + i, LEFT_ON)));
                    members--;
                    active -= isActive ? 1 : 0;
                }
            }
        }

        /** One membership record, counted among the events sent. */
        private void send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
            deliver(producer, record);
            sent++;
        }

        private void deliver(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
            producer.send(record, (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }
    }
}
