package org.danvan.web.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table the API does not export, written here as CSV for spreadsheets: UTF-8 with a byte-order mark so that
 * Excel reads the Vietnamese, one header row, fields quoted where they need it; numbers as the API writes them
 * (a point for decimals), dates dd/MM/yyyy.
 */
public final class CsvDownload {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private CsvDownload() {
    }

    public static ResponseEntity<byte[]> of(String filename, List<String> headers, List<? extends List<?>> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, headers);
        rows.forEach(row -> line(csv, row));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder csv, List<?> fields) {
        csv.append(String.join(",", fields.stream().map(CsvDownload::quote).toList())).append("\r\n");
    }

    private static String quote(Object field) {
        String value = switch (field) {
            case null -> "";
            case BigDecimal number -> number.toPlainString();
            case LocalDate day -> day.format(BusinessDay.DATE);
            default -> field.toString();
        };
        // a leading = + - @ would make a text a formula in a spreadsheet (a negative number stays a number)
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-[0-9.,]+")) {
            value = "'" + value;
        }
        return value.matches("(?s).*[\",\r\n;].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
