package org.danvan.reporting.reports;

import java.util.Locale;

/** The steps a report can take; {@link #slug()} is how problems and the {@code allowed} list name them. */
enum ReportAction {
    EDIT, SUBMIT, RETURN, ACCEPT, REVISE;

    String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
