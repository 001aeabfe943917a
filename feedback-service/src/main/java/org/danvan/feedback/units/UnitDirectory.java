package org.danvan.feedback.units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.unit.ParentLink;
import org.danvan.contracts.unit.UnitClosed;
import org.danvan.contracts.unit.UnitRegistered;
import org.danvan.support.persistence.DuplicateKeys;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Today's unit tree, kept from directive-service's unit events (each carries the unit's whole state, so the
 * newest version wins and redelivery changes nothing). Cases are routed and scoped with it.
 */
@Service
public class UnitDirectory {

    private final MongoTemplate mongo;
    private final UnitsProperties properties;
    private final MeterRegistry meters;

    private final Clock clock;

    UnitDirectory(MongoTemplate mongo, UnitsProperties properties, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    public Optional<UnitInfo> find(String unitId) {
        return Optional.ofNullable(unitId).map(id -> mongo.findById(id, UnitDocument.class)).map(this::info);
    }

    /** The unit and its ancestors, nearest first. */
    public List<UnitInfo> selfAndAncestors(String unitId) {
        List<UnitInfo> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Optional<UnitInfo> current = find(unitId);
        while (current.isPresent() && seen.add(current.get().id())) {
            chain.add(current.get());
            current = find(current.get().parentId());
        }
        return chain;
    }

    /** Whether {@code unitId} is {@code ancestorId} or lies below it in today's tree. */
    public boolean isWithin(String unitId, String ancestorId) {
        return ancestorId != null && selfAndAncestors(unitId).stream().anyMatch(u -> u.id().equals(ancestorId));
    }

    /** The ids of {@code rootId} and every unit below it today. */
    public Set<String> subtree(String rootId) {
        Set<String> ids = new HashSet<>();
        List<String> frontier = List.of(rootId);
        ids.add(rootId);
        while (!frontier.isEmpty()) {
            List<String> next = mongo.find(Query.query(Criteria.where("parentId").in(frontier)), UnitDocument.class)
                    .stream().map(UnitDocument::id).filter(ids::add).toList();
            frontier = next;
        }
        return ids;
    }

    /** The open units of {@code rootId}'s subtree, the root included. */
    public List<UnitInfo> openUnitsWithin(String rootId) {
        return mongo.find(Query.query(Criteria.where("_id").in(subtree(rootId))), UnitDocument.class).stream()
                .map(this::info).filter(UnitInfo::open).toList();
    }

    /** Position of a level from the top (0 = the highest); unknown levels sort below every known one. */
    public int rank(String level) {
        int index = properties.levels().indexOf(level);
        return index < 0 ? properties.levels().size() : index;
    }

    void consume(CloudEvent event) {
        String outcome = switch (event.type()) {
            case DirectiveContract.UNIT_REGISTERED, DirectiveContract.UNIT_CHANGED -> {
                UnitRegistered unit = EventJson.read(event.data(), UnitRegistered.class);
                yield apply(new UnitDocument(unit.unitId(), unit.version(), unit.code(), unit.name(), unit.kind(), unit.level(),
                        currentParent(unit.parents()), null));
            }
            case DirectiveContract.UNIT_CLOSED -> {
                UnitClosed unit = EventJson.read(event.data(), UnitClosed.class);
                yield apply(new UnitDocument(unit.unitId(), unit.version(), unit.code(), unit.name(), unit.kind(), unit.level(),
                        currentParent(unit.parents()), unit.closedOn()));
            }
            default -> "ignored";
        };
        meters.counter("danvan.events.consumed", "type", event.type(), "outcome", outcome).increment();
    }

    /** Upserts unless a version at least as new is stored; the guard and the write are one operation. */
    private String apply(UnitDocument unit) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(unit.id()).and("version").lt(unit.version()));
        Update update = new Update().set("version", unit.version()).set("code", unit.code()).set("name", unit.name())
                .set("kind", unit.kind()).set("level", unit.level()).set("parentId", unit.parentId())
                .set("closedOn", unit.closedOn());
        return DuplicateKeys.firstWrite(() -> mongo.upsert(olderOrAbsent, update, UnitDocument.class)) ? "applied" : "duplicate";
    }

    private static String currentParent(List<ParentLink> parents) {
        return parents.stream().filter(p -> p.validTo() == null).map(ParentLink::parentId).findFirst().orElse(null);
    }

    private UnitInfo info(UnitDocument unit) {
        return new UnitInfo(unit.id(), unit.name(), unit.kind(), unit.level(), unit.parentId(),
                unit.closedOn() == null || unit.closedOn().isAfter(LocalDate.now(clock)));
    }
}
