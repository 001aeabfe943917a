package org.danvan.directive.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.InsertManyOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.bson.Document;
import org.danvan.support.outbox.PendingOutboxIndex;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Imports a whole tree at once. Every row is checked first ({@link UnitImportCheck}) and every invalid row
 * is reported; nothing is imported unless every row is valid. The units are inserted in bulk, each with the
 * {@code registered} event its {@link Unit#opened} step recorded in its own document, like any other unit.
 */
@Service
class UnitImport {

    private static final int BATCH = 5_000;
    /** The field of an aggregate's document where the outbox relay finds its pending events. */
    private static final String OUTBOX = "outbox";

    private final UnitImportCheck check;
    private final MongoTemplate mongo;
    private final PendingOutboxIndex outboxIndex;
    private final Timer duration;

    UnitImport(UnitImportCheck check, MongoTemplate mongo, PendingOutboxIndex outboxIndex, MeterRegistry meters) {
        this.check = check;
        this.mongo = mongo;
        this.outboxIndex = outboxIndex;
        this.duration = Timer.builder("danvan.units.import.duration").description("Duration of unit tree imports")
                .register(meters);
    }

    /** One row at fault with every reason, in the caller's language. */
    record RowError(int row, String code, List<String> errors) {
    }

    /** What an import found and did. */
    record Report(boolean dryRun, int rows, int imported, List<RowError> errors, long durationMs) {
    }

    Report run(List<UnitImportRows.Row> rows, boolean dryRun, Locale locale) {
        long start = System.nanoTime();
        UnitImportCheck.Checked checked = check.check(rows, locale);
        int imported = 0;
        if (!dryRun && checked.errors().isEmpty()) {
            imported = insert(rows, checked.openedOn());
        }
        long elapsed = System.nanoTime() - start;
        if (!dryRun) {
            duration.record(elapsed, TimeUnit.NANOSECONDS);
        }
        return new Report(dryRun, rows.size(), imported, checked.errors(), TimeUnit.NANOSECONDS.toMillis(elapsed));
    }

    private int insert(List<UnitImportRows.Row> rows, Map<String, LocalDate> openedOn) {
        var collection = mongo.getCollection(mongo.getCollectionName(Unit.class));
        int count = 0;
        for (int i = 0; i < rows.size(); i += BATCH) {
            List<Document> batch = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (UnitImportRows.Row row : rows.subList(i, Math.min(rows.size(), i + BATCH))) {
                Unit unit = Unit.opened(row.code(), row.name(), row.kind(), row.level(), openedOn.get(row.code()),
                        row.parentId());
                unit.storeVersion = 0L;
                Document document = new Document();
                mongo.getConverter().write(unit, document);
                // the registered event rides in the same document insert, as AggregateWrites would put it
                document.put(OUTBOX, unit.recordedEvents().stream().map(mongo.getConverter()::convertToMongoType).toList());
                batch.add(document);
                codes.add(unit.code);
            }
            collection.insertMany(batch, new InsertManyOptions().ordered(false));
            outboxIndex.markAll(mongo.getCollectionName(Unit.class), codes);
            count += batch.size();
        }
        return count;
    }
}
