package org.danvan.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.TargetSpec;
import org.danvan.contracts.reporting.ReportAccepted;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.contracts.unit.ParentLink;
import org.danvan.contracts.unit.UnitChanged;
import org.danvan.contracts.unit.UnitClosed;
import org.danvan.contracts.unit.UnitRegistered;
import org.danvan.testsupport.EventProbe;

/**
 * The facts reporting-service's tests publish, as the other services would: units (registered and closed), a
 * directive with the Đức Trọng resolution's targets (numbered T1, T2… in the fixture's order, as
 * directive-service numbers them) and accepted reports. Ids carry a run suffix so that tests never see each
 * other's units.
 */
public final class PublishedFacts {

    public static final LocalDate FOUNDED = LocalDate.of(1986, 1, 1);
    public static final Path FIXTURES = Path.of("..", "directive-service", "fixtures");

    public record Unit(String code, String name, String kind, String level, String parent) {
    }

    private record FixtureDirective(String number, String title, List<TargetSpec> targets) {
    }

    private final EventProbe probe;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    public PublishedFacts(EventProbe probe) {
        this.probe = probe;
    }

    public String id(String code) {
        return code + "@" + run;
    }

    public void register(Unit unit) {
        List<ParentLink> parents = unit.parent() == null ? List.of() : List.of(new ParentLink(id(unit.parent()), FOUNDED, null));
        probe.send(record(DirectiveContract.UNITS.name(), DirectiveContract.UNIT_REGISTERED, id(unit.code()),
                new UnitRegistered(id(unit.code()), 1, unit.code(), unit.name(), unit.kind(), unit.level(), FOUNDED, parents)));
    }

    /** Closes a unit on {@code closedOn}, merged into {@code successor} when there is one; its parent link ends then. */
    public void close(Unit unit, LocalDate closedOn, String successor) {
        List<ParentLink> parents = unit.parent() == null ? List.of() : List.of(new ParentLink(id(unit.parent()), FOUNDED, closedOn));
        probe.send(record(DirectiveContract.UNITS.name(), DirectiveContract.UNIT_CLOSED, id(unit.code()),
                new UnitClosed(id(unit.code()), 2, unit.code(), unit.name(), unit.kind(), unit.level(), FOUNDED, closedOn, parents,
                        successor == null ? null : id(successor))));
    }

    /** Moves a registered unit under {@code newParent} from {@code on}. */
    public void move(Unit unit, String newParent, LocalDate on) {
        List<ParentLink> parents = List.of(new ParentLink(id(unit.parent()), FOUNDED, on), new ParentLink(id(newParent), on, null));
        probe.send(record(DirectiveContract.UNITS.name(), DirectiveContract.UNIT_CHANGED, id(unit.code()),
                new UnitChanged(id(unit.code()), 2, unit.code(), unit.name(), unit.kind(), unit.level(), FOUNDED, null, parents,
                        on, id(newParent))));
    }

    /** Issues the Đức Trọng resolution from {@code issuerCode}; returns the directive's id. */
    public String issueDucTrongResolution(String issuerCode) throws IOException {
        FixtureDirective fixture = EventJson.read(Files.readAllBytes(FIXTURES.resolve("duc-trong-resolution.json")),
                FixtureDirective.class);
        List<TargetSpec> targets = new ArrayList<>();
        for (int i = 0; i < fixture.targets().size(); i++) {
            TargetSpec t = fixture.targets().get(i);
            targets.add(new TargetSpec("T" + (i + 1), t.indicatorCode(), t.comparator(), t.threshold(), t.upperThreshold(),
                    t.unit(), t.levels(), t.unitKinds(), t.period(), t.description()));
        }
        String directiveId = id("nq-duc-trong");
        probe.send(record(DirectiveContract.DIRECTIVES.name(), DirectiveContract.DIRECTIVE_ISSUED, directiveId,
                new DirectiveIssued(directiveId, 1, fixture.number(), "RESOLUTION", fixture.title(), id(issuerCode),
                        LocalDate.of(2021, 1, 1), List.of(), targets, null)));
        return directiveId;
    }

    public void report(String unitCode, int revision, String form, String period, Map<String, Integer> numbers) {
        Map<String, ReportAccepted.ReportedValue> values = new LinkedHashMap<>();
        numbers.forEach((code, value) -> values.put(code, new ReportAccepted.ReportedValue(value, false, false)));
        String reportId = id(unitCode) + "/" + form + "/" + period;
        probe.send(record(ReportingContract.REPORTS.name(), ReportingContract.REPORT_ACCEPTED, reportId,
                new ReportAccepted(reportId, revision, form, id(unitCode), period, values, false, LocalDate.of(2026, 1, 10))));
    }

    private static ProducerRecord<String, byte[]> record(String topic, String type, String key, Object data) {
        return KafkaCloudEvents.toRecord(topic, new CloudEvent(UUID.randomUUID().toString(), "/test", type, key, Instant.now(),
                EventJson.write(data)));
    }
}
