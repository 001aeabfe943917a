package org.danvan.reporting.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.danvan.reporting.catalogue.DataElement;
import org.danvan.support.problem.InvalidRequestException.Violation;
import org.danvan.support.text.Csv;
import org.danvan.support.text.VietnameseText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the rows of a bulk report import from CSV or JSON. The unit, period and form columns may be named
 * in Vietnamese or English, with or without diacritics ("Mã đơn vị", "ky bao cao", "unitId"); every other
 * column is a data element, by code or by its Vietnamese or English name.
 */
final class ReportImportRows {

    /** One row as written; {@code number} counts data rows from 1, and 0 stands for the header. */
    /** {@code receivedOn}: the day a report received on paper reached the unit above, as written (or null). */
    record Row(int number, String unitId, String period, String formCode, String receivedOn,
            Map<String, ReportValidation.RawValue> values, List<Violation> errors) {
    }

    private static final Map<String, String> HEADERS = new HashMap<>();

    static {
        alias("unitId", "ma don vi", "don vi", "unitid", "unit id", "unit");
        alias("period", "ky bao cao", "ky", "period");
        alias("formCode", "mau bao cao", "ma mau bao cao", "ma mau", "formcode", "form code", "form");
        alias("receivedOn", "ngay nhan", "ngay nhan bao cao", "receivedon", "received on");
        alias("values", "values", "gia tri");
    }

    private final Map<String, String> elementColumns = new HashMap<>();

    ReportImportRows(Map<String, DataElement> catalogue) {
        catalogue.values().forEach(element -> {
            elementColumns.put(VietnameseText.fold(element.code()), element.code());
            elementColumns.put(VietnameseText.fold(element.name().vi()), element.code());
            elementColumns.put(VietnameseText.fold(element.name().en()), element.code());
        });
    }

    private static void alias(String field, String... names) {
        for (String name : names) {
            HEADERS.put(name, field);
        }
    }

    private static String header(String name) {
        return HEADERS.get(VietnameseText.fold(name.replace("_", " ")));
    }

    /** The data-element code a column names, or null. */
    String element(String column) {
        return elementColumns.get(VietnameseText.fold(column));
    }

    List<Row> fromCsv(String body) {
        List<List<String>> records = Csv.parse(body);
        List<Row> rows = new ArrayList<>();
        if (records.isEmpty()) {
            return rows;
        }
        List<String> columns = records.getFirst().stream().map(String::strip).toList();
        List<Violation> headerErrors = new ArrayList<>();
        for (String column : columns) {
            if (header(column) == null && element(column) == null) {
                headerErrors.add(new Violation(column, "report.import.unknown-column", column));
            }
        }
        if (!headerErrors.isEmpty()) {
            rows.add(new Row(0, null, null, null, null, Map.of(), headerErrors));
            return rows;
        }
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            Map<String, ReportValidation.RawValue> values = new LinkedHashMap<>();
            for (int c = 0; c < Math.min(columns.size(), record.size()); c++) {
                String cell = record.get(c).strip();
                if (cell.isEmpty()) {
                    continue;
                }
                String field = header(columns.get(c));
                if (field != null) {
                    fields.put(field, cell);
                } else {
                    values.put(element(columns.get(c)), new ReportValidation.RawValue(cell, null, null));
                }
            }
            rows.add(new Row(rows.size() + 1, fields.get("unitId"), fields.get("period"), fields.get("formCode"),
                    fields.get("receivedOn"), values, List.of()));
        }
        return rows;
    }

    /**
     * An array of objects: {@code unitId}, {@code period}, {@code formCode} (or their Vietnamese names), and
     * the values either under {@code values} or as properties named like CSV columns; a value is a bare
     * number or boolean or {@code {value, provisional, estimated}}.
     */
    List<Row> fromJson(byte[] body) {
        JsonNode array = JsonMapper.builder().build().readTree(body);
        if (!array.isArray()) {
            throw new IllegalArgumentException("a JSON import is an array of reports");
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode node : array) {
            int number = rows.size() + 1;
            List<Violation> errors = new ArrayList<>();
            Map<String, String> fields = new HashMap<>();
            Map<String, ReportValidation.RawValue> values = new LinkedHashMap<>();
            if (!node.isObject()) {
                errors.add(new Violation("row", "report.import.not-an-object"));
            }
            node.properties().forEach(entry -> {
                String field = header(entry.getKey());
                if ("values".equals(field) && entry.getValue().isObject()) {
                    entry.getValue().properties().forEach(v -> value(v.getKey(), v.getValue(), values, errors));
                } else if (field != null && !"values".equals(field)) {
                    fields.put(field, entry.getValue().isNull() ? null : entry.getValue().asString());
                } else {
                    value(entry.getKey(), entry.getValue(), values, errors);
                }
            });
            rows.add(new Row(number, fields.get("unitId"), fields.get("period"), fields.get("formCode"), fields.get("receivedOn"),
                    values, errors));
        }
        return rows;
    }

    private void value(String column, JsonNode node, Map<String, ReportValidation.RawValue> values, List<Violation> errors) {
        String code = element(column);
        if (code == null) {
            errors.add(new Violation(column, "report.import.unknown-column", column));
        } else if (node.isObject()) {
            values.put(code, new ReportValidation.RawValue(scalar(node.get("value")),
                    node.path("provisional").asBoolean(false), node.path("estimated").asBoolean(false)));
        } else if (!node.isNull()) {
            values.put(code, new ReportValidation.RawValue(scalar(node), null, null));
        }
    }

    private static Object scalar(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.isString() ? node.asString() : node.toString();
    }
}
