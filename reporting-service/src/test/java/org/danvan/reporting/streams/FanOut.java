package org.danvan.reporting.streams;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.InvalidEventException;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.reporting.MembershipEnrolled;
import org.danvan.contracts.reporting.MembershipLeft;
import org.danvan.contracts.reporting.MembershipSnapshot;
import org.danvan.contracts.reporting.ReportAccepted;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.contracts.unit.ParentLink;
import org.danvan.contracts.unit.UnitRegistered;
import org.danvan.reporting.forms.PeriodType;
import org.danvan.reporting.forms.ReportingPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one CloudEvent record and forwards its contribution once per (ancestor depth, period), keyed by its slot,
 * the depth and the period: depth 0 is the unit itself, then its parent as the tree (the global store) is on the
 * period's last day. Because the depth, not the ancestor, is in the key, a later contribution of the same slot
 * (a revision) made after a move replaces the old ancestor's share: the aggregation downstream subtracts it there
 * and adds it at the new one.
 */
final class FanOut implements Processor<String, byte[], String, Contribution> {

    static final String MEMBERS = "MEMBERS_ENROLLED";
    static final String ACTIVE = "MEMBERS_ACTIVE";
    private static final Logger log = LoggerFactory.getLogger(FanOut.class);
    private static final int MAX_DEPTH = 10;

    private final Set<String> flowElements;
    private ProcessorContext<String, Contribution> context;
    private TimestampedKeyValueStore<String, UnitRegistered> units;

    FanOut(Set<String> flowElements) {
        this.flowElements = flowElements;
    }

    @Override
    public void init(ProcessorContext<String, Contribution> context) {
        this.context = context;
        this.units = context.getStateStore(RollupTopology.UNITS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        try {
            CloudEvent event = KafkaCloudEvents.read(record.headers(), record.value());
            switch (event.type()) {
                case ReportingContract.REPORT_ACCEPTED -> report(record, EventJson.read(event.data(), ReportAccepted.class));
                case ReportingContract.MEMBERSHIP_SNAPSHOT -> snapshot(record, EventJson.read(event.data(), MembershipSnapshot.class));
                case ReportingContract.MEMBERSHIP_ENROLLED -> enrolled(record, EventJson.read(event.data(), MembershipEnrolled.class));
                case ReportingContract.MEMBERSHIP_LEFT -> left(record, EventJson.read(event.data(), MembershipLeft.class));
                default -> log.debug("{} is not rolled up", event.type());
            }
        } catch (InvalidEventException | IllegalArgumentException e) {
            // the service sends these to its dead-letter topic; the measured alternative only skips them
            log.warn("skipped an unreadable record at offset {}: {}", context.recordMetadata().map(m -> m.offset()).orElse(-1L),
                    e.getMessage());
        }
    }

    /** A report's flow elements count in its own period and in every longer period containing it. */
    private void report(Record<String, byte[]> record, ReportAccepted report) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        report.values().forEach((element, reported) -> {
            if (flowElements.contains(element) && reported != null && reported.value() instanceof Number number) {
                values.put(element, new BigDecimal(number.toString()));
            }
        });
        ReportingPeriod period = ReportingPeriod.of(report.period());
        String slot = "R|" + report.formCode() + "|" + report.unitId() + "|" + period;
        for (ReportingPeriod into : enclosing(period)) {
            forward(record, slot, report.unitId(), into, report.revision(), values);
        }
    }

    /** A branch's latest snapshot of a year is its baseline for that year. */
    private void snapshot(Record<String, byte[]> record, MembershipSnapshot snapshot) {
        ReportingPeriod year = year(snapshot.asOf());
        forward(record, "S|" + snapshot.organisation() + "|" + snapshot.unitId() + "|" + year, snapshot.unitId(), year,
                snapshot.asOf().toEpochDay(), Map.of(MEMBERS, BigDecimal.valueOf(snapshot.members()),
                        ACTIVE, BigDecimal.valueOf(snapshot.activeMembers())));
    }

    /** A member counts once in the year of enrolment, keyed by the member, so a redelivery replaces itself. */
    private void enrolled(Record<String, byte[]> record, MembershipEnrolled enrolled) {
        ReportingPeriod year = year(enrolled.enrolledOn());
        forward(record, member(enrolled.organisation(), enrolled.unitId(), enrolled.memberId(), year), enrolled.unitId(), year, 1,
                Map.of(MEMBERS, BigDecimal.ONE, ACTIVE, enrolled.active() ? BigDecimal.ONE : BigDecimal.ZERO));
    }

    /** A departure outranks the enrolment of the same year, in whichever order the two arrive. */
    private void left(Record<String, byte[]> record, MembershipLeft left) {
        ReportingPeriod year = year(left.leftOn());
        forward(record, member(left.organisation(), left.unitId(), left.memberId(), year), left.unitId(), year, 2, Map.of());
    }

    private static String member(String organisation, String unit, String member, ReportingPeriod year) {
        return "M|" + organisation + "|" + unit + "|" + member + "|" + year;
    }

    private void forward(Record<String, byte[]> record, String slot, String unit, ReportingPeriod period, long rank,
            Map<String, BigDecimal> values) {
        List<String> chain = chain(unit, period.end());
        for (int depth = 0; depth < chain.size(); depth++) {
            context.forward(record.withKey(slot + "|" + depth + "|" + period)
                    .withValue(new Contribution(chain.get(depth), period.toString(), rank, values)));
        }
    }

    /** The unit and its ancestors on {@code day}, nearest first. */
    private List<String> chain(String unit, LocalDate day) {
        List<String> chain = new ArrayList<>(List.of(unit));
        String current = unit;
        while (chain.size() < MAX_DEPTH) {
            ValueAndTimestamp<UnitRegistered> node = units.get(current);
            String parent = node == null ? null : parentOn(node.value(), day);
            if (parent == null) {
                break;
            }
            chain.add(parent);
            current = parent;
        }
        return chain;
    }

    private static String parentOn(UnitRegistered unit, LocalDate day) {
        return unit.parents().stream()
                .filter(link -> link.validFrom() == null || !link.validFrom().isAfter(day))
                .filter(link -> link.validTo() == null || link.validTo().isAfter(day))
                .max(Comparator.comparing(ParentLink::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(ParentLink::parentId).orElse(null);
    }

    private static List<ReportingPeriod> enclosing(ReportingPeriod period) {
        List<ReportingPeriod> periods = new ArrayList<>(List.of(period));
        ReportingPeriod year = new ReportingPeriod(period.year(), PeriodType.ANNUAL, 1);
        year.periodsOf(PeriodType.SEMIANNUAL).stream()
                .filter(half -> period.type() == PeriodType.QUARTERLY && half.contains(period)).forEach(periods::add);
        if (period.type() != PeriodType.ANNUAL) {
            periods.add(year);
        }
        return periods;
    }

    private static ReportingPeriod year(LocalDate day) {
        return new ReportingPeriod(day.getYear(), PeriodType.ANNUAL, 1);
    }
}
