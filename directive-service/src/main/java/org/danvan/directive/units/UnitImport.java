package org.danvan.directive.units;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.danvan.support.aggregate.AggregateWrites;
import org.springframework.stereotype.Service;

/**
 * Imports a whole tree at once. Every row is checked first ({@link UnitImportCheck}) and every invalid row
 * is reported; nothing is imported unless every row is valid. A row naming a unit already registered exactly
 * as the row says is skipped, so that a file whose import was interrupted can be imported again. The units
 * are inserted in bulk, a batch at a time, each with the {@code registered} event its {@link Unit#opened}
 * step recorded in its own document, like any other unit.
 */
@Service
class UnitImport {

    private final UnitImportCheck check;
    private final AggregateWrites writes;
    private final UnitImportProperties properties;
    private final Timer duration;

    UnitImport(UnitImportCheck check, AggregateWrites writes, UnitImportProperties properties, MeterRegistry meters) {
        this.check = check;
        this.writes = writes;
        this.properties = properties;
        this.duration = Timer.builder("danvan.units.import.duration").description("Duration of unit tree imports")
                .register(meters);
    }

    /** One row at fault with every reason, in the caller's language. */
    record RowError(int row, String code, List<String> errors) {
    }

    /**
     * What an import found and did; {@code alreadyRegistered} rows were skipped, being in the tree as written;
     * {@code errors} lists the rows at fault, all of them or, in a job's record, the first ones.
     */
    record Report(boolean dryRun, int rows, int imported, int alreadyRegistered, int rowsAtFault, List<RowError> errors,
            long durationMs) {

        /** This report with its first {@code kept} rows at fault only. */
        Report withFirstErrors(int kept) {
            return errors.size() <= kept ? this
                    : new Report(dryRun, rows, imported, alreadyRegistered, rowsAtFault, List.copyOf(errors.subList(0, kept)), durationMs);
        }
    }

    /** Checks every row and imports nothing. */
    Report dryRun(List<UnitImportRows.Row> rows, Locale locale) {
        long start = System.nanoTime();
        UnitImportCheck.Checked checked = check.check(rows, locale);
        return new Report(true, rows.size(), 0, checked.registered().size(), checked.errors().size(), checked.errors(),
                since(start));
    }

    /**
     * Checks every row and, if none is at fault, imports them a batch at a time, telling {@code afterBatch}
     * how many rows each batch took care of (inserted or already registered).
     */
    Report run(List<UnitImportRows.Row> rows, Locale locale, IntConsumer afterBatch) {
        long start = System.nanoTime();
        UnitImportCheck.Checked checked = check.check(rows, locale);
        int imported = checked.errors().isEmpty() ? insert(rows, checked, afterBatch) : 0;
        long elapsed = System.nanoTime() - start;
        duration.record(elapsed, TimeUnit.NANOSECONDS);
        return new Report(false, rows.size(), imported, checked.registered().size(), checked.errors().size(),
                checked.errors(), TimeUnit.NANOSECONDS.toMillis(elapsed));
    }

    private int insert(List<UnitImportRows.Row> rows, UnitImportCheck.Checked checked, IntConsumer afterBatch) {
        Map<String, LocalDate> openedOn = checked.openedOn();
        int count = 0;
        for (int i = 0; i < rows.size(); i += properties.batchSize()) {
            List<UnitImportRows.Row> rowsOfBatch = rows.subList(i, Math.min(rows.size(), i + properties.batchSize()));
            List<Unit> batch = rowsOfBatch.stream().filter(row -> !checked.registered().contains(row.code()))
                    .map(row -> Unit.opened(row.code(), row.name(), row.kind(), row.level(), openedOn.get(row.code()), row.parentId()))
                    .toList();
            // each unit with its registered event in one bulk insert; a code registered meanwhile keeps what it has
            count += writes.insertNew(batch).size();
            afterBatch.accept(rowsOfBatch.size());
        }
        return count;
    }

    private static long since(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
