package org.danvan.reporting.membership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.InvalidEventException;
import org.danvan.contracts.reporting.MembershipEnrolled;
import org.danvan.contracts.reporting.MembershipLeft;
import org.danvan.contracts.reporting.MembershipSnapshot;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.reporting.aggregates.FigureGeneration;
import org.danvan.reporting.aggregates.FigureSource;
import org.danvan.reporting.aggregates.RunningTotals;
import org.danvan.reporting.catalogue.Catalogue;
import org.danvan.reporting.forms.ReportingPeriod;
import org.danvan.support.persistence.IdPages;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Members and active members of each unit from the mass organisations' registries (the membership topic),
 * as stocks: a unit's value for a period is its count on the period's last day — the latest snapshot on or
 * before it, moved by the enrolments and departures after that snapshot. The unit's figure is summed over
 * its organisations ({@code MEMBERS_ENROLLED}, {@code MEMBERS_ACTIVE}); an organisation with its own
 * catalogued element ({@code MEMBERS_FARMERS_UNION}…) also gets that one. A batch of events reads its
 * branches once, writes them in one bulk, then sets each touched branch's counts (a whole value, so a batch
 * cut short by a crash and delivered again sets the same) and hands the units to the running totals.
 */
@Component
class Membership implements FigureSource {

    static final String MEMBERS = "MEMBERS_ENROLLED";
    static final String ACTIVE = "MEMBERS_ACTIVE";
    private static final String BRANCHES = "membership_branches";
    private static final String COUNTS = "membership_counts";

    private final MongoTemplate mongo;
    private final String branchCollection;
    private final String countCollection;
    private final MeterRegistry meters;
    private final Catalogue catalogue;
    private final RunningTotals totals;

    Membership(MongoTemplate mongo, FigureGeneration generation, MeterRegistry meters, Catalogue catalogue, RunningTotals totals) {
        this.mongo = mongo;
        this.branchCollection = generation.collection(BRANCHES);
        this.countCollection = generation.collection(COUNTS);
        this.meters = meters;
        this.catalogue = catalogue;
        this.totals = totals;
    }

    void consume(List<CloudEvent> events) {
        Map<String, MemberBranch> branches = load(events);
        Map<String, Set<LocalDate>> days = new HashMap<>();
        Set<MemberBranch> touched = new LinkedHashSet<>();
        List<String> outcomes = new ArrayList<>();
        for (CloudEvent event : events) {
            Optional<LocalDate> moved = switch (event.type()) {
                case ReportingContract.MEMBERSHIP_ENROLLED -> {
                    MembershipEnrolled e = EventJson.read(event.data(), MembershipEnrolled.class);
                    MemberBranch branch = branch(branches, touched, e.organisation(), e.unitId());
                    yield changed(branch.enrol(e.memberId(), e.enrolledOn(), e.active()), e.enrolledOn(), branch, days);
                }
                case ReportingContract.MEMBERSHIP_LEFT -> {
                    MembershipLeft e = EventJson.read(event.data(), MembershipLeft.class);
                    MemberBranch branch = branch(branches, touched, e.organisation(), e.unitId());
                    yield changed(branch.leave(e.memberId(), e.leftOn()), e.leftOn(), branch, days);
                }
                case ReportingContract.MEMBERSHIP_SNAPSHOT -> {
                    MembershipSnapshot s = EventJson.read(event.data(), MembershipSnapshot.class);
                    MemberBranch branch = branch(branches, touched, s.organisation(), s.unitId());
                    boolean applied = branch.snapshot(event.id(), s.asOf(), s.members(), s.activeMembers());
                    yield changed(applied ? Optional.of(s.asOf()) : Optional.empty(), s.asOf(), branch, days);
                }
                default -> null;
            };
            outcomes.add(moved == null ? "ignored" : moved.isPresent() ? "applied" : "duplicate");
        }
        write(touched);
        if (!days.isEmpty()) {
            totals.figuresChanged(this, days);
        }
        for (int i = 0; i < events.size(); i++) {
            meters.counter("danvan.events.consumed", "type", events.get(i).type(), "outcome", outcomes.get(i)).increment();
        }
    }

    /** Refuses a snapshot that breaks the registry's own rule before anything of its batch is applied. */
    static void requireValid(CloudEvent event) {
        if (ReportingContract.MEMBERSHIP_SNAPSHOT.equals(event.type())) {
            MembershipSnapshot s = EventJson.read(event.data(), MembershipSnapshot.class);
            if (s.activeMembers() > s.members()) {
                throw new InvalidEventException(List.of("activeMembers " + s.activeMembers() + " exceeds members " + s.members()
                        + " of " + s.organisation() + " at " + s.unitId()));
            }
        }
    }

    /**
     * The unit's stock moves from {@code moved} on; a redelivered event (nothing moved) still recomputes from its
     * own day, so totals a crash left behind are finished.
     */
    private static Optional<LocalDate> changed(Optional<LocalDate> moved, LocalDate day, MemberBranch branch,
            Map<String, Set<LocalDate>> days) {
        days.computeIfAbsent(branch.unitId, u -> new HashSet<>()).add(moved.orElse(day));
        return moved;
    }

    private static MemberBranch branch(Map<String, MemberBranch> branches, Set<MemberBranch> touched, String organisation,
            String unitId) {
        MemberBranch branch = branches.computeIfAbsent(MemberBranch.idOf(organisation, unitId), id -> new MemberBranch(organisation, unitId));
        touched.add(branch);
        return branch;
    }

    private Map<String, MemberBranch> load(List<CloudEvent> events) {
        Set<String> ids = new HashSet<>();
        for (CloudEvent event : events) {
            switch (event.type()) {
                case ReportingContract.MEMBERSHIP_ENROLLED -> {
                    MembershipEnrolled e = EventJson.read(event.data(), MembershipEnrolled.class);
                    ids.add(MemberBranch.idOf(e.organisation(), e.unitId()));
                }
                case ReportingContract.MEMBERSHIP_LEFT -> {
                    MembershipLeft e = EventJson.read(event.data(), MembershipLeft.class);
                    ids.add(MemberBranch.idOf(e.organisation(), e.unitId()));
                }
                case ReportingContract.MEMBERSHIP_SNAPSHOT -> {
                    MembershipSnapshot s = EventJson.read(event.data(), MembershipSnapshot.class);
                    ids.add(MemberBranch.idOf(s.organisation(), s.unitId()));
                }
                default -> {
                    // other types carry no branch
                }
            }
        }
        Map<String, MemberBranch> branches = new HashMap<>();
        if (!ids.isEmpty()) {
            IdPages.find(mongo.getCollection(branchCollection), ids, null, d -> branches.put(d.getString("_id"), MemberBranch.of(d)));
        }
        return branches;
    }

    /** The branches first, then their counts: a crash in between is finished by the redelivered batch. */
    private void write(Collection<MemberBranch> touched) {
        if (touched.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> branches = new ArrayList<>();
        List<WriteModel<Document>> counts = new ArrayList<>();
        for (MemberBranch branch : touched) {
            branches.add(new ReplaceOneModel<>(Filters.eq("_id", branch.id()), branch.toDocument(), new ReplaceOptions().upsert(true)));
            counts.add(new UpdateOneModel<>(Filters.eq("_id", branch.unitId), Updates.set("orgs." + branch.organisation, branch.counts()),
                    new UpdateOptions().upsert(true)));
        }
        mongo.getCollection(branchCollection).bulkWrite(branches, new BulkWriteOptions().ordered(false));
        mongo.getCollection(countCollection).bulkWrite(counts, new BulkWriteOptions().ordered(false));
    }

    @Override
    public Set<String> elementCodes() {
        Set<String> codes = new LinkedHashSet<>(List.of(MEMBERS, ACTIVE));
        catalogue.elements().stream().map(e -> e.code()).filter(c -> c.startsWith("MEMBERS_")).forEach(codes::add);
        return codes;
    }

    @Override
    public boolean stock() {
        return true;
    }

    @Override
    public Collection<String> units() {
        List<String> units = new ArrayList<>();
        mongo.getCollection(countCollection).find().projection(new Document("_id", 1)).forEach(d -> units.add(d.getString("_id")));
        return units;
    }

    @Override
    public Map<ReportingPeriod, Map<String, Map<String, BigDecimal>>> figures(Collection<String> unitIds,
            Collection<ReportingPeriod> periods) {
        Set<String> catalogued = elementCodes();
        List<Document> units = new ArrayList<>();
        IdPages.find(mongo.getCollection(countCollection), unitIds, null, units::add);
        Map<ReportingPeriod, Map<String, Map<String, BigDecimal>>> byPeriod = new HashMap<>();
        for (ReportingPeriod period : periods) {
            Map<String, Map<String, BigDecimal>> figures = byPeriod.computeIfAbsent(period, p -> new LinkedHashMap<>());
            for (Document unit : units) {
                unit.get("orgs", new Document()).forEach((organisation, counts) -> MemberCount.on((Document) counts, period.end())
                        .ifPresent(count -> {
                            Map<String, BigDecimal> values = figures.computeIfAbsent(unit.getString("_id"), u -> new LinkedHashMap<>());
                            values.merge(MEMBERS, BigDecimal.valueOf(count.members()), BigDecimal::add);
                            values.merge(ACTIVE, BigDecimal.valueOf(count.active()), BigDecimal::add);
                            String own = "MEMBERS_" + organisation;
                            if (catalogued.contains(own) && !own.equals(MEMBERS) && !own.equals(ACTIVE)) {
                                values.merge(own, BigDecimal.valueOf(count.members()), BigDecimal::add);
                            }
                        }));
            }
        }
        return byPeriod;
    }
}
