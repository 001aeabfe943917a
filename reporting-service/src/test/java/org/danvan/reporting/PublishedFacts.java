package org.danvan.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveAmended;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.DirectiveRevoked;
import org.danvan.contracts.directive.ReportingDuty;
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
 * directive-service numbers them), the units and dispatch 246-CV/TU of the Quảng Ngãi fixtures, and accepted
 * reports. Ids carry a run suffix so that tests never see each
 * other's units.
 */
public final class PublishedFacts {

    public static final LocalDate FOUNDED = LocalDate.of(1986, 1, 1);
    public static final Path FIXTURES = Path.of("..", "directive-service", "fixtures");

    public record Unit(String code, String name, String kind, String level, String parent) {
    }

    private record FixtureDirective(String number, String title, List<TargetSpec> targets) {
    }

    /** A unit as the unit import fixtures hold it (Vietnamese column names, as the import accepts them). */
    private record FixtureUnit(@JsonProperty("mã") String code, @JsonProperty("tên") String name,
            @JsonProperty("loại") String kind, @JsonProperty("cấp") String level, @JsonProperty("mã cấp trên") String parent) {
    }

    private record FixtureGroup(String kind, String level) {
    }

    private record FixtureDispatch(String number, String kind, String title, String issuerUnitId, LocalDate issuedOn,
            List<String> recipientUnitIds, List<FixtureGroup> recipientGroups, ReportingDuty reportingDuty) {
    }

    /** A directive as published: its issued event and the codes of the units its recipients resolved to. */
    public record Issued(DirectiveIssued event, List<String> recipientCodes) {

        public String directiveId() {
            return event.directiveId();
        }
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

    /** Registers every unit of an import fixture ({@code quang-ngai-units.json}); returns them in the fixture's order. */
    public List<Unit> registerFixtureUnits(String fixture) throws IOException {
        List<Unit> units = new ArrayList<>();
        for (FixtureUnit unit : EventJson.read(Files.readAllBytes(FIXTURES.resolve(fixture)), FixtureUnit[].class)) {
            Unit registered = new Unit(unit.code(), unit.name(), unit.kind(), unit.level(), unit.parent());
            register(registered);
            units.add(registered);
        }
        return units;
    }

    /**
     * Issues a directive fixture ({@code 246-CV-TU.json}) as directive-service would: its explicit recipients and
     * the {@code units} of each recipient group's kind and level (all of them lie under the issuer), the issuer
     * left out, in the issued event's {@code recipientUnitIds}, with the fixture's reporting duty.
     */
    public Issued issueFixtureDirective(String fixture, List<Unit> units) throws IOException {
        FixtureDispatch d = EventJson.read(Files.readAllBytes(FIXTURES.resolve(fixture)), FixtureDispatch.class);
        Set<String> recipients = new LinkedHashSet<>(d.recipientUnitIds());
        for (FixtureGroup group : d.recipientGroups()) {
            units.stream().filter(u -> u.level().equals(group.level()) && (group.kind() == null || u.kind().equals(group.kind())))
                    .forEach(u -> recipients.add(u.code()));
        }
        recipients.remove(d.issuerUnitId());
        ReportingDuty duty = d.reportingDuty();
        String directiveId = id(d.number().replaceAll("[^A-Za-z0-9]+", "-"));
        DirectiveIssued issued = new DirectiveIssued(directiveId, 1, d.number(), d.kind(), d.title(), id(d.issuerUnitId()),
                d.issuedOn(), recipients.stream().map(this::id).toList(), List.of(),
                new ReportingDuty(duty.cadences(), duty.dueOffsetDays(), id(duty.reportToUnitId()),
                        duty.viaUnitId() == null ? null : id(duty.viaUnitId())));
        publish(issued);
        return new Issued(issued, List.copyOf(recipients));
    }

    /** Publishes an issued event again, as a redelivery would. */
    public void publish(DirectiveIssued issued) {
        probe.send(record(DirectiveContract.DIRECTIVES.name(), DirectiveContract.DIRECTIVE_ISSUED, issued.directiveId(), issued));
    }

    /** Amends an issued directive to {@code version} with these recipient units (ids), the rest unchanged. */
    public void amend(DirectiveIssued issued, int version, List<String> recipientUnitIds) {
        probe.send(record(DirectiveContract.DIRECTIVES.name(), DirectiveContract.DIRECTIVE_AMENDED, issued.directiveId(),
                new DirectiveAmended(issued.directiveId(), version, issued.number(), issued.kind(), issued.title(),
                        issued.issuerUnitId(), issued.issuedOn(), recipientUnitIds, issued.targets(), issued.reportingDuty(),
                        List.of("recipients"))));
    }

    /** Revokes an issued directive as {@code version}, taking effect on {@code effectiveOn}. */
    public void revoke(DirectiveIssued issued, int version, LocalDate effectiveOn) {
        probe.send(record(DirectiveContract.DIRECTIVES.name(), DirectiveContract.DIRECTIVE_REVOKED, issued.directiveId(),
                new DirectiveRevoked(issued.directiveId(), version, effectiveOn, "Thay thế bằng văn bản mới", null)));
    }

    public void report(String unitCode, int revision, String form, String period, Map<String, Integer> numbers) {
        report(unitCode, revision, form, period, numbers, false);
    }

    /** An accepted report; {@code late}: first submitted after its due date. */
    public void report(String unitCode, int revision, String form, String period, Map<String, Integer> numbers,
            boolean late) {
        Map<String, ReportAccepted.ReportedValue> values = new LinkedHashMap<>();
        numbers.forEach((code, value) -> values.put(code, new ReportAccepted.ReportedValue(value, false, false)));
        String reportId = id(unitCode) + "/" + form + "/" + period;
        probe.send(record(ReportingContract.REPORTS.name(), ReportingContract.REPORT_ACCEPTED, reportId,
                new ReportAccepted(reportId, revision, form, id(unitCode), period, values, late, LocalDate.of(2026, 1, 10))));
    }

    private static ProducerRecord<String, byte[]> record(String topic, String type, String key, Object data) {
        return KafkaCloudEvents.toRecord(topic, new CloudEvent(UUID.randomUUID().toString(), "/test", type, key, Instant.now(),
                EventJson.write(data)));
    }
}
