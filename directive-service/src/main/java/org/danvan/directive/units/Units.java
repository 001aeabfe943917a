package org.danvan.directive.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.support.problem.ResourceNotFoundException;
import org.danvan.support.text.VietnameseText;
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
 * Reads of the organisation-unit tree with dated parents: every change keeps history ({@link UnitChanges}),
 * so the tree as of any date can be read.
 */
@Service
public class Units {

    private final UnitRepository repository;
    private final MongoTemplate mongo;
    private final UnitsProperties properties;

    Units(UnitRepository repository, MongoTemplate mongo, UnitsProperties properties, MeterRegistry meters) {
        this.repository = repository;
        this.mongo = mongo;
        this.properties = properties;
        mongo.indexOps(Unit.class).createIndex(new Index().on("parents.parentId", Sort.Direction.ASC));
        mongo.indexOps(Unit.class).createIndex(new Index().on("nameFolded", Sort.Direction.ASC));
        mongo.indexOps(Unit.class).createIndex(new Index().on("level", Sort.Direction.ASC));
        mongo.indexOps(Unit.class).createIndex(new Index().on("childrenToMove", Sort.Direction.ASC));
        for (String level : properties.levels()) {
            Gauge.builder("danvan.units.open", () -> openAtLevel(level)).description("Units open today, by level")
                    .tag("level", level).register(meters);
        }
    }

    public UnitView get(String code, LocalDate asOf) {
        return find(code).view(asOf);
    }

    /** The units whose parent on {@code asOf} is {@code code}, by name. */
    public Page<UnitView> children(String code, LocalDate asOf, Pageable page) {
        find(code);
        Query query = Query.query(childOn(code, asOf)).with(Sort.by("name"));
        long total = mongo.count(query, Unit.class);
        List<UnitView> content = mongo.find(query.with(page), Unit.class).stream().map(u -> u.view(asOf)).toList();
        return new PageImpl<>(content, page, total);
    }

    /** The unit and its descendants on {@code asOf}, level by level, down to {@code depth} levels below it. */
    public List<UnitView> subtree(String code, LocalDate asOf, int depth) {
        Unit root = find(code);
        List<UnitView> result = new ArrayList<>(List.of(root.view(asOf)));
        Collection<String> level = List.of(code);
        for (int d = 0; d < depth && !level.isEmpty(); d++) {
            List<Unit> next = mongo.find(Query.query(childOn(level, asOf)).with(Sort.by("name")), Unit.class);
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
            Unit unit = find(parent.get());
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
            level = mongo.find(Query.query(childOn(level, asOf)), Unit.class).stream()
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
        long total = mongo.count(query, Unit.class);
        List<UnitView> content = mongo.find(query.with(page), Unit.class).stream().map(u -> u.view(asOf)).toList();
        return new PageImpl<>(content, page, total);
    }

    /** Which of the given codes name units open on {@code date}; used to check directive recipients. */
    public Set<String> openAmong(Collection<String> codes, LocalDate date) {
        Set<String> open = new HashSet<>();
        mongo.find(Query.query(openOn(date).and("_id").in(codes)), Unit.class).forEach(u -> open.add(u.code));
        return open;
    }

    /** The level of each of the given units. */
    public java.util.Map<String, String> levelsOf(Collection<String> codes) {
        java.util.Map<String, String> levels = new java.util.HashMap<>();
        Query query = Query.query(Criteria.where("_id").in(codes));
        query.fields().include("level");
        mongo.find(query, Unit.class).forEach(u -> levels.put(u.code, u.level));
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

    Unit find(String code) {
        return repository.findById(code).orElseThrow(() -> new ResourceNotFoundException("unit", code));
    }

    /** The units whose parent on {@code date} is {@code code}. */
    List<Unit> childrenOn(String code, LocalDate date) {
        return mongo.find(Query.query(childOn(code, date)), Unit.class);
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

    private long openAtLevel(String level) {
        return mongo.count(Query.query(Criteria.where("level").is(level).and("closedOn").is(null)), Unit.class);
    }
}
