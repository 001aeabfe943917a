package org.danvan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.ReportingDuty;
import org.danvan.contracts.directive.TargetPeriod;
import org.danvan.contracts.directive.TargetSpec;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    static DirectiveIssued enrolmentDirective() {
        TargetSpec enrolment = new TargetSpec("t1", "ENROLMENT_RATE", TargetSpec.Comparator.GTE,
                new BigDecimal("95"), null, TargetSpec.ThresholdUnit.PERCENT, List.of("COMMUNE"), List.of(),
                new TargetPeriod(TargetPeriod.Type.EVERY_YEAR, null, null), "≥ 95 % cư dân tham gia các đoàn thể");
        return new DirectiveIssued("d-1", 1, "05-NQ/HU", "RESOLUTION", "Nghị quyết về Mặt trận", "u-duc-trong",
                LocalDate.of(2021, 6, 30), List.of("u-commune-1"), List.of(enrolment),
                new ReportingDuty(List.of(ReportingDuty.Cadence.ANNUAL), 15, "u-duc-trong", null));
    }

    @Test
    void theRecordsWrittenByEventJsonSatisfyTheirSchema() {
        assertThat(EventSchemas.violations(DirectiveContract.DIRECTIVE_ISSUED, EventJson.write(enrolmentDirective()))).isEmpty();
    }

    @Test
    void eventJsonRoundTripsTheRecord() {
        DirectiveIssued issued = enrolmentDirective();
        assertThat(EventJson.read(EventJson.write(issued), DirectiveIssued.class)).isEqualTo(issued);
    }

    @Test
    void aDutyWrittenWithASingleCadenceStillReadsAndValidates() {
        byte[] old = """
                {"directiveId":"d-1","version":1,"number":"246-CV/TU","kind":"OFFICIAL_DISPATCH","title":"t",
                 "issuerUnitId":"QN","issuedOn":"2021-02-08","targets":[],
                 "reportingDuty":{"cadence":"SEMIANNUAL","dueOffsetDays":15,"reportToUnitId":"QN","viaUnitId":"QN-BDV"}}
                """.getBytes(StandardCharsets.UTF_8);

        assertThat(EventSchemas.violations(DirectiveContract.DIRECTIVE_ISSUED, old)).isEmpty();
        assertThat(EventJson.read(old, DirectiveIssued.class).reportingDuty())
                .isEqualTo(new ReportingDuty(List.of(ReportingDuty.Cadence.SEMIANNUAL), 15, "QN", "QN-BDV"));
    }

    @Test
    void severalCadencesAreWrittenInOrderOfFrequency() {
        ReportingDuty duty = new ReportingDuty(List.of(ReportingDuty.Cadence.ANNUAL, ReportingDuty.Cadence.SEMIANNUAL,
                ReportingDuty.Cadence.ANNUAL), 15, "QN", "QN-BDV");
        DirectiveIssued issued = new DirectiveIssued("d-1", 1, "246-CV/TU", "OFFICIAL_DISPATCH", "t", "QN",
                LocalDate.of(2021, 2, 8), List.of("QN-BDV"), List.of(), duty);

        byte[] written = EventJson.write(issued);

        assertThat(EventSchemas.violations(DirectiveContract.DIRECTIVE_ISSUED, written)).isEmpty();
        assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"cadences\":[\"SEMIANNUAL\",\"ANNUAL\"]")
                .doesNotContain("\"cadence\":");
        assertThat(EventJson.read(written, DirectiveIssued.class)).isEqualTo(issued);
    }

    @Test
    void namesEveryViolation() {
        byte[] data = """
                {"directiveId":"d-1","version":0,"number":"1","kind":"MEMO","title":"t","issuerUnitId":"u",
                 "issuedOn":"2021-02-08","targets":[{"targetId":"t1","indicatorCode":"X","comparator":"BETWEEN",
                 "threshold":1,"unit":"PERCENT","period":{"type":"EVERY_YEAR"}}]}
                """.getBytes(StandardCharsets.UTF_8);

        List<String> violations = EventSchemas.violations(DirectiveContract.DIRECTIVE_ISSUED, data);

        assertThat(String.join("\n", violations))
                .contains("version").contains("kind").contains("upperThreshold");
    }

    @Test
    void rejectsUnknownTypesAndNonJson() {
        assertThat(EventSchemas.violations("danvan.nothing.happened.v1", "{}".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("unknown event type danvan.nothing.happened.v1");
        assertThat(EventSchemas.violations(DirectiveContract.DIRECTIVE_ISSUED, "not json".getBytes(StandardCharsets.UTF_8)))
                .singleElement().asString().startsWith("data is not JSON");
    }
}
