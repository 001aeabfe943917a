package org.danvan.directive.units;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.danvan.support.text.Csv;
import org.danvan.support.text.VietnameseText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the rows of a unit import from CSV or JSON. Column names may be English or Vietnamese, with or
 * without diacritics ("mã", "ma don vi", "code"...).
 */
final class UnitImportRows {

    /** One row as written, before any validation; {@code number} counts data rows from 1. */
    record Row(int number, String code, String name, String kind, String level, String parentId, String openedOn) {
    }

    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        alias("code", "code", "ma", "ma don vi");
        alias("name", "name", "ten", "ten don vi");
        alias("kind", "kind", "loai", "loai don vi");
        alias("level", "level", "cap", "cap don vi");
        alias("parentId", "parentid", "parent", "parentcode", "ma cap tren", "don vi cap tren", "cap tren");
        alias("openedOn", "openedon", "opened on", "ngay thanh lap", "ngay mo", "thanh lap");
    }

    private UnitImportRows() {
    }

    private static void alias(String field, String... names) {
        for (String name : names) {
            COLUMNS.put(name, field);
        }
    }

    static String field(String header) {
        return COLUMNS.get(VietnameseText.fold(header.replace("_", " ")));
    }

    static List<Row> fromJson(byte[] body) {
        JsonNode array = JsonMapper.builder().build().readTree(body);
        if (!array.isArray()) {
            throw new IllegalArgumentException("a JSON import is an array of units");
        }
        List<Row> rows = new ArrayList<>(array.size());
        int number = 0;
        for (JsonNode node : array) {
            Map<String, String> values = new HashMap<>();
            node.properties().forEach(entry -> {
                String field = field(entry.getKey());
                if (field != null && !entry.getValue().isNull()) {
                    values.put(field, entry.getValue().asString());
                }
            });
            rows.add(row(++number, values));
        }
        return rows;
    }

    static List<Row> fromCsv(String body) {
        List<List<String>> records = Csv.parse(body);
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> fields = records.getFirst().stream().map(UnitImportRows::field).toList();
        List<Row> rows = new ArrayList<>(records.size());
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < Math.min(fields.size(), record.size()); c++) {
                if (fields.get(c) != null && !record.get(c).isBlank()) {
                    values.put(fields.get(c), record.get(c).trim());
                }
            }
            rows.add(row(i, values));
        }
        return rows;
    }

    private static Row row(int number, Map<String, String> values) {
        return new Row(number, values.get("code"), values.get("name"), values.get("kind"), values.get("level"),
                values.get("parentId"), values.get("openedOn"));
    }
}
