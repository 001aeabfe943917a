package org.danvan.reporting.membership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.InvalidEventException;
import org.danvan.contracts.reporting.MembershipEnrolled;
import org.danvan.contracts.reporting.MembershipLeft;
import org.danvan.contracts.reporting.MembershipSnapshot;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.reporting.aggregates.FigureSource;
import org.danvan.reporting.aggregates.RunningTotals;
import org.danvan.reporting.catalogue.Catalogue;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Members and active members of each unit from the mass organisations' registries (the membership topic),
 * as stocks: a unit's value for a period is its count on the period's last day — the latest snapshot on or
 * before it, moved by the enrolments and departures after that snapshot. The unit's figure is summed over
 * its organisations ({@code MEMBERS_ENROLLED}, {@code MEMBERS_ACTIVE}); an organisation with its own
 * catalogued element ({@code MEMBERS_FARMERS_UNION}…) also gets that one.
 */
@Component
class Membership implements FigureSource {

    static final String MEMBERS = "MEMBERS_ENROLLED";
    static final String ACTIVE = "MEMBERS_ACTIVE";
    /** Above this many units the branches are read whole and filtered here. */
    static final int LARGE_SUBTREE = 2_000;

    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final Catalogue catalogue;
    private final RunningTotals totals;

    Membership(MongoTemplate mongo, MeterRegistry meters, Catalogue catalogue, RunningTotals totals) {
        this.mongo = mongo;
        this.meters = meters;
        this.catalogue = catalogue;
        this.totals = totals;
    }

    void consume(CloudEvent event) {
        String outcome = switch (event.type()) {
            case ReportingContract.MEMBERSHIP_ENROLLED -> enrolled(EventJson.read(event.data(), MembershipEnrolled.class));
            case ReportingContract.MEMBERSHIP_LEFT -> left(EventJson.read(event.data(), MembershipLeft.class));
            case ReportingContract.MEMBERSHIP_SNAPSHOT -> snapshot(event.id(), EventJson.read(event.data(), MembershipSnapshot.class));
            default -> "ignored";
        };
        meters.counter("danvan.events.consumed", "type", event.type(), "outcome", outcome).increment();
    }

    private String enrolled(MembershipEnrolled e) {
        String id = MemberDocument.idOf(e.organisation(), e.unitId(), e.memberId());
        MemberDocument stored = mongo.findById(id, MemberDocument.class);
        boolean duplicate = stored != null && e.enrolledOn().equals(stored.enrolledOn())
                && Boolean.valueOf(e.active()).equals(stored.active());
        if (!duplicate) {
            mongo.upsert(Query.query(Criteria.where("_id").is(id)), base(e.organisation(), e.unitId(), e.memberId())
                    .set("enrolledOn", e.enrolledOn()).set("active", e.active()), MemberDocument.class);
        }
        changed(e.unitId(), e.enrolledOn(), stored == null ? null : stored.enrolledOn());
        return duplicate ? "duplicate" : "applied";
    }

    private String left(MembershipLeft e) {
        String id = MemberDocument.idOf(e.organisation(), e.unitId(), e.memberId());
        MemberDocument stored = mongo.findById(id, MemberDocument.class);
        boolean duplicate = stored != null && e.leftOn().equals(stored.leftOn());
        if (!duplicate) {
            mongo.upsert(Query.query(Criteria.where("_id").is(id)), base(e.organisation(), e.unitId(), e.memberId())
                    .set("leftOn", e.leftOn()), MemberDocument.class);
        }
        changed(e.unitId(), e.leftOn(), stored == null ? null : stored.leftOn());
        return duplicate ? "duplicate" : "applied";
    }

    private String snapshot(String eventId, MembershipSnapshot s) {
        if (s.activeMembers() > s.members()) {
            throw new InvalidEventException(List.of("activeMembers " + s.activeMembers() + " exceeds members " + s.members()
                    + " of " + s.organisation() + " at " + s.unitId()));
        }
        String id = SnapshotDocument.idOf(s.organisation(), s.unitId(), s.asOf());
        SnapshotDocument stored = mongo.findById(id, SnapshotDocument.class);
        boolean duplicate = stored != null && (eventId.equals(stored.lastEventId())
                || stored.members() == s.members() && stored.activeMembers() == s.activeMembers());
        if (!duplicate) {
            mongo.save(new SnapshotDocument(id, s.organisation(), s.unitId(), s.asOf(), s.members(), s.activeMembers(), eventId));
        }
        changed(s.unitId(), s.asOf(), null);
        return duplicate ? "duplicate" : "applied";
    }

    /** The unit's stock moves from {@code day} on (and from {@code previous} on, a date the event replaced). */
    private void changed(String unitId, LocalDate day, LocalDate previous) {
        Set<LocalDate> days = new HashSet<>();
        days.add(day);
        if (previous != null) {
            days.add(previous);
        }
        // recomputed even for a redelivered event: totals a crash left behind are finished here
        totals.figuresChanged(this, Map.of(unitId, days));
    }

    @Override
    public boolean stock() {
        return true;
    }

    private static Update base(String organisation, String unitId, String memberId) {
        return new Update().set("organisation", organisation).set("unitId", unitId).set("memberId", memberId);
    }

    @Override
    public Set<String> elementCodes() {
        Set<String> codes = new LinkedHashSet<>(List.of(MEMBERS, ACTIVE));
        catalogue.elements().stream().map(e -> e.code()).filter(c -> c.startsWith("MEMBERS_")).forEach(codes::add);
        return codes;
    }

    @Override
    public Map<String, Map<String, BigDecimal>> figures(Collection<String> unitIds, LocalDate start, LocalDate end) {
        // a large subtree (a province, the nation) reads every branch and keeps its own: cheaper than $in over its ids
        boolean large = unitIds.size() > LARGE_SUBTREE;
        Set<String> wanted = !large ? Set.of() : unitIds instanceof Set<String> set ? set : new HashSet<>(unitIds);
        Query byUnit = large ? new Query() : Query.query(Criteria.where("unitId").in(unitIds));
        Query snapshotsByUnit = large ? Query.query(Criteria.where("asOf").lte(end)) : byUnit;
        Map<String, List<SnapshotDocument>> snapshots = mongo.find(snapshotsByUnit, SnapshotDocument.class).stream()
                .filter(s -> !large || wanted.contains(s.unitId()))
                .filter(s -> !s.asOf().isAfter(end))
                .collect(Collectors.groupingBy(s -> s.unitId() + ":" + s.organisation()));
        Map<String, List<MemberDocument>> members = mongo.find(byUnit, MemberDocument.class).stream()
                .filter(m -> !large || wanted.contains(m.unitId()))
                .collect(Collectors.groupingBy(m -> m.unitId() + ":" + m.organisation()));
        Set<String> branches = new HashSet<>(snapshots.keySet());
        branches.addAll(members.keySet());
        Set<String> catalogued = elementCodes();
        Map<String, Map<String, BigDecimal>> figures = new LinkedHashMap<>();
        for (String branch : branches) {
            Optional<Count> count = count(snapshots.getOrDefault(branch, List.of()), members.getOrDefault(branch, List.of()), end);
            if (count.isEmpty()) {
                continue;
            }
            String unitId = branch.substring(0, branch.lastIndexOf(':'));
            String organisation = branch.substring(branch.lastIndexOf(':') + 1);
            Map<String, BigDecimal> values = figures.computeIfAbsent(unitId, u -> new LinkedHashMap<>());
            values.merge(MEMBERS, BigDecimal.valueOf(count.get().members()), BigDecimal::add);
            values.merge(ACTIVE, BigDecimal.valueOf(count.get().active()), BigDecimal::add);
            String own = "MEMBERS_" + organisation;
            if (catalogued.contains(own) && !own.equals(MEMBERS) && !own.equals(ACTIVE)) {
                values.merge(own, BigDecimal.valueOf(count.get().members()), BigDecimal::add);
            }
        }
        return figures;
    }

    /** A branch's count on {@code day}; empty when the registry had said nothing about it by then. */
    static Optional<Count> count(List<SnapshotDocument> snapshots, List<MemberDocument> members, LocalDate day) {
        Optional<SnapshotDocument> base = snapshots.stream().filter(s -> !s.asOf().isAfter(day))
                .max(Comparator.comparing(SnapshotDocument::asOf));
        if (base.isEmpty()) {
            List<MemberDocument> current = members.stream().filter(m -> m.memberOn(day)).toList();
            boolean known = members.stream().anyMatch(m -> m.enrolledOn() != null && !m.enrolledOn().isAfter(day));
            return known ? Optional.of(new Count(current.size(), current.stream().filter(MemberDocument::isActive).count()))
                    : Optional.empty();
        }
        LocalDate asOf = base.get().asOf();
        long total = base.get().members();
        long active = base.get().activeMembers();
        // what the registry reported after the snapshot moves it; what happened up to the snapshot is in it
        for (MemberDocument m : members) {
            boolean before = m.memberOn(asOf);
            boolean after = m.memberOn(day);
            if (before == after) {
                continue;
            }
            int delta = after ? 1 : -1;
            total += delta;
            if (m.isActive()) {
                active += delta;
            }
        }
        return Optional.of(new Count(Math.max(0, total), Math.max(0, Math.min(active, total))));
    }

    record Count(long members, long active) {
    }
}
