package org.danvan.feedback.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.unit.UnitRegistered;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.ThrownExceptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.InvalidMimeTypeException;

/** Records of the unit topic, with the CloudEvents headers other systems write, are read without an exception. */
@DanvanIntegrationTest
class UnitEventsIT {

    @Autowired
    UnitDirectory directory;

    @Test
    void aConsumedRecordRaisesNoMimeTypeExceptionAndIsApplied() {
        String unit = "u-" + UUID.randomUUID().toString().substring(0, 8);
        UnitRegistered registered = new UnitRegistered(unit, 1, unit, "Xã Tân Hội", "ADMINISTRATIVE_AREA", "COMMUNE",
                LocalDate.of(2025, 7, 1), List.of());
        try (EventProbe probe = new EventProbe(DirectiveContract.UNITS.name());
                ThrownExceptions thrown = ThrownExceptions.watch(InvalidMimeTypeException.class)) {
            probe.send(KafkaCloudEvents.toRecord(DirectiveContract.UNITS.name(), new CloudEvent(UUID.randomUUID().toString(),
                    "/danvan/directive-service", DirectiveContract.UNIT_REGISTERED, unit, Instant.now(),
                    EventJson.write(registered))));

            await().atMost(Duration.ofSeconds(60)).until(() -> directory.find(unit).isPresent());
            assertThat(thrown.stopAndCount()).isZero();
        }
    }
}
