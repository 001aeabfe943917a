package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.danvan.contracts.InvalidEventException;
import org.danvan.contracts.reporting.ReportAccepted;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The materialised inputs of every aggregate: the dated unit tree and the latest accepted revision of each
 * report. Each write is one guarded upsert, so the consumers are idempotent under redelivery and reordering.
 */
@Component
class AggregateStore {

    private final MongoTemplate mongo;

    AggregateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores the unit's state unless one at least as new is stored; false for a redelivered or stale event. */
    boolean applyUnit(String eventId, UnitTreeDocument unit) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(unit.unitId()).and("version").lt(unit.version()));
        Update update = new Update()
                .set("version", unit.version())
                .set("code", unit.code())
                .set("name", unit.name())
                .set("kind", unit.kind())
                .set("level", unit.level())
                .set("openedOn", unit.openedOn())
                .set("closedOn", unit.closedOn())
                .set("parents", mongo.getConverter().convertToMongoType(unit.parents()))
                .set("lastEventId", eventId);
        return guardedUpsert(olderOrAbsent, update, UnitTreeDocument.class);
    }

    /** Replaces the report's values with this revision's unless a revision at least as new is stored. */
    boolean applyReport(String eventId, ReportAccepted accepted) {
        ReportingPeriod period = ReportingPeriod.parse(accepted.period())
                .orElseThrow(() -> new InvalidEventException(List.of("period '" + accepted.period() + "' is not a period")));
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        Map<String, Boolean> answers = new LinkedHashMap<>();
        accepted.values().forEach((code, reported) -> {
            Object value = reported == null ? null : reported.value();
            if (value instanceof Boolean answer) {
                answers.put(code, answer);
            } else if (value instanceof Number number) {
                numbers.put(code, new BigDecimal(number.toString()));
            } else if (value != null) {
                throw new InvalidEventException(List.of("value of " + code + " is neither a number nor true/false"));
            }
        });
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(accepted.reportId()).and("revision").lt(accepted.revision()));
        Update update = new Update()
                .set("revision", accepted.revision())
                .set("formCode", accepted.formCode())
                .set("unitId", accepted.unitId())
                .set("period", period.toString())
                .set("periodStart", period.start())
                .set("periodEnd", period.end())
                // the whole map is replaced: a revision retracts what it no longer carries
                .set("numbers", mongo.getConverter().convertToMongoType(numbers))
                .set("answers", answers)
                .set("late", accepted.late())
                .set("acceptedOn", accepted.acceptedOn())
                .set("lastEventId", eventId);
        return guardedUpsert(olderOrAbsent, update, AcceptedReportDocument.class);
    }

    private boolean guardedUpsert(Query olderOrAbsent, Update update, Class<?> type) {
        try {
            mongo.upsert(olderOrAbsent, update, type);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    List<UnitNode> units() {
        return mongo.findAll(UnitTreeDocument.class).stream().map(UnitTreeDocument::node).toList();
    }

    /** The accepted reports of these units for periods inside {@code period}, by unit. */
    Map<String, List<AcceptedValues>> reports(Collection<String> unitIds, ReportingPeriod period) {
        Query query = Query.query(Criteria.where("unitId").in(unitIds)
                .and("periodStart").gte(period.start())
                .and("periodEnd").lte(period.end()));
        return mongo.find(query, AcceptedReportDocument.class).stream().map(AcceptedReportDocument::values)
                .collect(Collectors.groupingBy(AcceptedValues::unitId));
    }

    /** The units with an accepted report of the form for exactly this period. */
    java.util.Set<String> reportingUnits(String formCode, ReportingPeriod period) {
        Query query = Query.query(Criteria.where("formCode").is(formCode).and("period").is(period.toString()));
        query.fields().include("unitId");
        return mongo.find(query, org.bson.Document.class, "accepted_reports").stream()
                .map(d -> d.getString("unitId")).collect(Collectors.toSet());
    }
}
