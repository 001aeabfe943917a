package org.danvan.directive.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.unit.ParentLink;
import org.danvan.contracts.unit.UnitChanged;
import org.danvan.contracts.unit.UnitClosed;
import org.danvan.contracts.unit.UnitRegistered;
import org.danvan.support.outbox.OutboxEvent;
import org.danvan.support.problem.PreconditionFailedException;
import org.danvan.support.problem.ResourceNotFoundException;
import org.danvan.support.text.VietnameseText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The organisation-unit tree with dated parents: every change keeps history, so the tree as of any date
 * can be read, and every change is published as a unit event carrying the unit's whole state.
 */
@Service
public class Units {

    private final UnitRepository repository;
    private final MongoTemplate mongo;
    private final UnitsProperties properties;
    private final Counter registered;
    private final Counter changed;

    Units(UnitRepository repository, MongoTemplate mongo, UnitsProperties properties, MeterRegistry meters) {
        this.repository = repository;
        this.mongo = mongo;
        this.properties = properties;
        this.registered = Counter.builder("danvan.units.registered").description("Units registered").register(meters);
        this.changed = Counter.builder("danvan.units.changed").description("Units moved, renamed or closed").register(meters);
        mongo.indexOps(UnitDocument.class).createIndex(new Index().on("parents.parentId", Sort.Direction.ASC));
        mongo.indexOps(UnitDocument.class).createIndex(new Index().on("nameFolded", Sort.Direction.ASC));
        mongo.indexOps(UnitDocument.class).createIndex(new Index().on("level", Sort.Direction.ASC));
        for (String level : properties.levels()) {
            Gauge.builder("danvan.units.open", () -> openAtLevel(level)).description("Units open today, by level")
                    .tag("level", level).register(meters);
        }
    }

    public UnitView register(UnitRequests.Register request) {
        requireKnown(request.kind(), request.level());
        UnitDocument unit = new UnitDocument();
        unit.code = request.code();
        unit.name = request.name();
        unit.nameFolded = VietnameseText.fold(request.name());
        unit.kind = request.kind();
        unit.level = request.level();
        unit.openedOn = request.openedOn();
        if (request.parentId() != null) {
            UnitDocument parent = open(request.parentId(), request.openedOn());
            requireLevelBelow(unit, parent);
            unit.parents.add(new ParentLink(parent.code, request.openedOn(), null));
        }
        unit.revision = 1;
        unit.outbox.add(OutboxEvent.of(DirectiveContract.UNIT_REGISTERED, unit.code, registeredEvent(unit)));
        try {
            UnitView view = mongo.insert(unit).view(request.openedOn());
            registered.increment();
            return view;
        } catch (DuplicateKeyException e) {
            throw new UnitProblems.DuplicateUnit(request.code());
        }
    }

    /** Re-parents a unit from {@code validFrom}; before that date it keeps rolling up along its old parent. */
    public UnitView move(String code, UnitRequests.Move request, String ifMatch) {
        UnitDocument unit = load(code, ifMatch);
        if (!unit.openOn(request.validFrom())) {
            throw new UnitProblems.ClosedUnit(code, request.validFrom());
        }
        UnitDocument parent = open(request.newParentId(), request.validFrom());
        requireLevelBelow(unit, parent);
        requireNoCycle(unit.code, parent.code, request.validFrom());
        reparent(unit, parent.code, request.validFrom());
        return saveChanged(unit, request.validFrom(), parent.code);
    }

    /** Renames from {@code validFrom}; reads as of earlier dates keep the old name. */
    public UnitView rename(String code, UnitRequests.Rename request, String ifMatch) {
        UnitDocument unit = load(code, ifMatch);
        LocalDate earliest = unit.earlierNames.stream().map(UnitDocument.EarlierName::until)
                .max(LocalDate::compareTo).orElse(unit.openedOn).plusDays(1);
        if (request.validFrom().isBefore(earliest)) {
            throw new UnitProblems.DateOrder(code, request.validFrom(), earliest);
        }
        unit.earlierNames.add(new UnitDocument.EarlierName(unit.name, request.validFrom()));
        unit.name = request.name();
        unit.nameFolded = VietnameseText.fold(request.name());
        return saveChanged(unit, request.validFrom(), null);
    }

    /**
     * Closes a unit. With a successor this is a merge: the unit's children open on that date move to the
     * successor from then on; earlier figures still roll up through the closed unit.
     */
    public UnitView close(String code, UnitRequests.Close request, String ifMatch) {
        UnitDocument unit = load(code, ifMatch);
        if (!unit.openOn(request.closedOn()) || !request.closedOn().isAfter(unit.openedOn)) {
            throw new UnitProblems.DateOrder(code, request.closedOn(), unit.openedOn.plusDays(1));
        }
        if (request.successorUnitId() != null) {
            UnitDocument successor = open(request.successorUnitId(), request.closedOn());
            List<UnitDocument> children = childrenOn(code, request.closedOn());
            children.forEach(child -> requireLevelBelow(child, successor));
            for (UnitDocument child : children) {
                reparent(child, successor.code, request.closedOn());
                saveChanged(child, request.closedOn(), successor.code);
            }
        }
        unit.closedOn = request.closedOn();
        unit.successorUnitId = request.successorUnitId();
        unit.parents = unit.parents.stream().map(link -> link.validTo() == null
                ? new ParentLink(link.parentId(), link.validFrom(), request.closedOn()) : link).toList();
        unit.revision++;
        unit.outbox.add(OutboxEvent.of(DirectiveContract.UNIT_CLOSED, unit.code, new UnitClosed(unit.code, unit.revision,
                unit.code, unit.name, unit.kind, unit.level, unit.openedOn, unit.closedOn, unit.parents, unit.successorUnitId)));
        changed.increment();
        return repository.save(unit).view(request.closedOn().minusDays(1));
    }

    public UnitView get(String code, LocalDate asOf) {
        return find(code).view(asOf);
    }

    /** The units whose parent on {@code asOf} is {@code code}, by name. */
    public Page<UnitView> children(String code, LocalDate asOf, Pageable page) {
        find(code);
        Query query = Query.query(childOn(code, asOf)).with(Sort.by("name"));
        long total = mongo.count(query, UnitDocument.class);
        List<UnitView> content = mongo.find(query.with(page), UnitDocument.class).stream().map(u -> u.view(asOf)).toList();
        return new PageImpl<>(content, page, total);
    }

    /** The unit and its descendants on {@code asOf}, level by level, down to {@code depth} levels below it. */
    public List<UnitView> subtree(String code, LocalDate asOf, int depth) {
        UnitDocument root = find(code);
        List<UnitView> result = new ArrayList<>(List.of(root.view(asOf)));
        Collection<String> level = List.of(code);
        for (int d = 0; d < depth && !level.isEmpty(); d++) {
            List<UnitDocument> next = mongo.find(Query.query(childOn(level, asOf)).with(Sort.by("name")), UnitDocument.class);
            next.forEach(u -> result.add(u.view(asOf)));
            level = next.stream().map(u -> u.code).toList();
        }
        return result;
    }

    /** The chain of parents on {@code asOf}, nearest first. */
    public List<UnitView> ancestors(String code, LocalDate asOf) {
        List<UnitView> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(code));
        Optional<String> parent = find(code).parentOn(asOf);
        while (parent.isPresent() && seen.add(parent.get())) {
            UnitDocument unit = find(parent.get());
            chain.add(unit.view(asOf));
            parent = unit.parentOn(asOf);
        }
        return chain;
    }

    /** Whether {@code code} is {@code ancestor} or lies below it on {@code asOf}; false for unknown units. */
    public boolean isWithin(String code, String ancestor, LocalDate asOf) {
        if (code == null || ancestor == null || !repository.existsById(code)) {
            return false;
        }
        return code.equals(ancestor) || ancestors(code, asOf).stream().anyMatch(u -> u.code().equals(ancestor));
    }

    /** The codes of {@code code} and all its descendants on {@code asOf}. */
    public Set<String> subtreeOf(String code, LocalDate asOf) {
        Set<String> subtree = new HashSet<>(List.of(code));
        Collection<String> level = List.of(code);
        while (!level.isEmpty()) {
            level = mongo.find(Query.query(childOn(level, asOf)), UnitDocument.class).stream()
                    .map(u -> u.code).filter(subtree::add).toList();
        }
        return subtree;
    }

    /** The codes of {@code code}'s subtree and of its ancestors on {@code asOf}: the units in its line. */
    public Set<String> lineOf(String code, LocalDate asOf) {
        Set<String> line = subtreeOf(code, asOf);
        if (repository.existsById(code)) {
            ancestors(code, asOf).forEach(u -> line.add(u.code()));
        }
        return line;
    }

    /** Units whose name contains the words searched for, ignoring diacritics and case; open on {@code asOf}. */
    public Page<UnitView> search(String text, String level, String kind, LocalDate asOf, Pageable page) {
        Criteria criteria = openOn(asOf);
        if (text != null && !text.isBlank()) {
            criteria = criteria.and("nameFolded").regex(Pattern.quote(VietnameseText.fold(text)));
        }
        if (level != null) {
            criteria = criteria.and("level").is(level);
        }
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        Query query = Query.query(criteria).with(Sort.by("name"));
        long total = mongo.count(query, UnitDocument.class);
        List<UnitView> content = mongo.find(query.with(page), UnitDocument.class).stream().map(u -> u.view(asOf)).toList();
        return new PageImpl<>(content, page, total);
    }

    /** Which of the given codes name units open on {@code date}; used to check directive recipients. */
    public Set<String> openAmong(Collection<String> codes, LocalDate date) {
        Set<String> open = new HashSet<>();
        mongo.find(Query.query(openOn(date).and("_id").in(codes)), UnitDocument.class).forEach(u -> open.add(u.code));
        return open;
    }

    /** The level of each of the given units. */
    public java.util.Map<String, String> levelsOf(Collection<String> codes) {
        java.util.Map<String, String> levels = new java.util.HashMap<>();
        Query query = Query.query(Criteria.where("_id").in(codes));
        query.fields().include("level");
        mongo.find(query, UnitDocument.class).forEach(u -> levels.put(u.code, u.level));
        return levels;
    }

    /**
     * Codes of the units of a kind (any kind when null) at a level inside {@code root}'s subtree on
     * {@code date}: how a directive's recipient groups resolve under its issuer.
     */
    public List<String> openOfKindAndLevelWithin(String root, String kind, String level, LocalDate date) {
        return subtree(root, date, properties.levels().size()).stream().skip(1)
                .filter(unit -> unit.level().equals(level) && (kind == null || unit.kind().equals(kind)))
                .map(UnitView::code).toList();
    }

    private UnitView saveChanged(UnitDocument unit, LocalDate validFrom, String newParentId) {
        unit.revision++;
        unit.outbox.add(OutboxEvent.of(DirectiveContract.UNIT_CHANGED, unit.code, new UnitChanged(unit.code, unit.revision,
                unit.code, unit.name, unit.kind, unit.level, unit.openedOn, unit.closedOn, unit.parents, validFrom, newParentId)));
        changed.increment();
        return repository.save(unit).view(validFrom);
    }

    private static void reparent(UnitDocument unit, String newParent, LocalDate from) {
        Optional<ParentLink> current = unit.parents.stream().filter(link -> link.validTo() == null).findFirst();
        if (current.isPresent() && !from.isAfter(current.get().validFrom())) {
            throw new UnitProblems.DateOrder(unit.code, from, current.get().validFrom().plusDays(1));
        }
        List<ParentLink> links = new ArrayList<>();
        for (ParentLink link : unit.parents) {
            links.add(link.validTo() == null ? new ParentLink(link.parentId(), link.validFrom(), from) : link);
        }
        links.add(new ParentLink(newParent, from, null));
        unit.parents = links;
    }

    /** Units of one level may hang under each other (a commission under its party committee), so look. */
    private void requireNoCycle(String code, String newParent, LocalDate on) {
        if (code.equals(newParent) || ancestors(newParent, on).stream().anyMatch(a -> a.code().equals(code))) {
            throw new UnitProblems.TreeCycle(code, newParent);
        }
    }

    /** A parent is at the same level (a body of it) or a higher one, never lower. */
    private void requireLevelBelow(UnitDocument child, UnitDocument parent) {
        if (properties.rank(parent.level) > properties.rank(child.level)) {
            throw new UnitProblems.ParentLevel(child.code, child.level, parent.code, parent.level);
        }
    }

    private void requireKnown(String kind, String level) {
        if (!properties.kinds().contains(kind)) {
            throw new UnitProblems.UnknownValue("kind", kind, properties.kinds());
        }
        if (!properties.levels().contains(level)) {
            throw new UnitProblems.UnknownValue("level", level, properties.levels());
        }
    }

    private UnitDocument load(String code, String ifMatch) {
        UnitDocument unit = find(code);
        PreconditionFailedException.check(ifMatch, unit.revision);
        return unit;
    }

    private UnitDocument find(String code) {
        return repository.findById(code).orElseThrow(() -> new ResourceNotFoundException("unit", code));
    }

    private UnitDocument open(String code, LocalDate on) {
        UnitDocument unit = find(code);
        if (!unit.openOn(on)) {
            throw new UnitProblems.ClosedUnit(code, on);
        }
        return unit;
    }

    private List<UnitDocument> childrenOn(String code, LocalDate date) {
        return mongo.find(Query.query(childOn(code, date)), UnitDocument.class);
    }

    private static Criteria childOn(String parent, LocalDate date) {
        return childOn(List.of(parent), date);
    }

    private static Criteria childOn(Collection<String> parents, LocalDate date) {
        return Criteria.where("parents").elemMatch(Criteria.where("parentId").in(parents).and("validFrom").lte(date)
                .orOperator(Criteria.where("validTo").is(null), Criteria.where("validTo").gt(date)));
    }

    private static Criteria openOn(LocalDate date) {
        return new Criteria().andOperator(Criteria.where("openedOn").lte(date),
                new Criteria().orOperator(Criteria.where("closedOn").is(null), Criteria.where("closedOn").gt(date)));
    }

    static UnitRegistered registeredEvent(UnitDocument unit) {
        return new UnitRegistered(unit.code, unit.revision, unit.code, unit.name, unit.kind, unit.level, unit.openedOn,
                unit.parents);
    }

    private long openAtLevel(String level) {
        return mongo.count(Query.query(Criteria.where("level").is(level).and("closedOn").is(null)), UnitDocument.class);
    }
}
