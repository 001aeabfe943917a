package org.danvan.web.api;

import java.util.List;

import org.springframework.http.ResponseEntity;

/**
 * A table a page offers for download, written once as rows and served as CSV or as an Excel workbook. A cell is
 * text, a number (a number cell in Excel), a {@code LocalDate} (dd/MM/yyyy) or null (empty).
 */
public record Table(String name, List<String> headers, List<List<Object>> rows) {

    /** The formats a table downloads as, as the end of its address says: {@code targets.csv}, {@code targets.xlsx}. */
    public static final String FORMATS = "csv|xlsx";

    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** The file in {@code format} ({@code csv} or {@code xlsx}), named after the table. */
    public ResponseEntity<byte[]> download(String format) {
        return "xlsx".equals(format) ? XlsxDownload.of(name + ".xlsx", headers, rows) : CsvDownload.of(name + ".csv", headers, rows);
    }
}
