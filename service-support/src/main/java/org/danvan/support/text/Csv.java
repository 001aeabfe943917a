package org.danvan.support.text;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as spreadsheets save it, for the bulk imports of every service: quoted fields with doubled
 * quotes and line breaks, comma or semicolon separated, an optional byte-order mark.
 */
public final class Csv {

    private Csv() {
    }

    /** The records of {@code text}, each a list of fields; the separator is the one the first line uses most. */
    public static List<List<String>> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstLineEnd = body.indexOf('\n') < 0 ? body.length() : body.indexOf('\n');
        String firstLine = body.substring(0, firstLineEnd);
        // Vietnamese-locale spreadsheets separate with semicolons, since the comma is their decimal mark
        char separator = firstLine.chars().filter(ch -> ch == ';').count() > firstLine.chars().filter(ch -> ch == ',').count() ? ';' : ',';
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
