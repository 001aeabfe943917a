package org.danvan.directive.units;

import java.time.Instant;

import org.danvan.directive.units.UnitImportLifecycle.Failure;
import org.danvan.directive.units.UnitImportLifecycle.Phase;

/**
 * A unit import as its owner reads it: rows done of total, its phase, when it started and ended, and once
 * over the import's report or, failed, the problem in the caller's language.
 */
record UnitImportView(String id, String fileName, int rowsTotal, int rowsDone, Phase phase, Problem problem,
        Instant startedAt, Instant endedAt, UnitImport.Report report) {

    /** Why the job failed, with what to do next. */
    record Problem(Failure reason, String title, String detail) {
    }
}
