package org.danvan.reporting.aggregates;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.danvan.reporting.forms.ReportingPeriod;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The years that have facts: the running totals keep every period of these years (a unit event recomputes
 * its chains in each), and a stock is carried through the business clock's current year.
 */
@Component
class FigureYears {

    static final Comparator<ReportingPeriod> ORDER = Comparator.comparing(ReportingPeriod::start)
            .thenComparing(ReportingPeriod::end);
    private static final String META = "figure_meta";
    private static final String ID = "years";

    private final MongoTemplate mongo;
    private final String meta;
    private Set<Integer> years;

    FigureYears(MongoTemplate mongo, FigureGeneration generation) {
        this.mongo = mongo;
        this.meta = generation.collection(META);
    }

    synchronized Set<Integer> all() {
        if (years == null) {
            Document stored = mongo.findById(ID, Document.class, meta);
            years = new TreeSet<>(stored == null ? List.of() : stored.getList("years", Integer.class));
        }
        return Set.copyOf(years);
    }

    /** The latest year with facts; 0 when there is none. */
    synchronized int last() {
        return all().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Records a year with facts (stored before the facts, so a restart still knows it). */
    synchronized void note(int year) {
        if (!all().contains(year)) {
            mongo.upsert(Query.query(Criteria.where("_id").is(ID)), new Update().addToSet("years", year), meta);
            years.add(year);
        }
    }

    /** Forgets every year (a rebuild starts from nothing). */
    synchronized void clear() {
        mongo.remove(Query.query(Criteria.where("_id").is(ID)), meta);
        years = null;
    }
}
