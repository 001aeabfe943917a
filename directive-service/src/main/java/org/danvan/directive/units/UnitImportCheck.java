package org.danvan.directive.units;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Checks every row of an import — required fields, known kind and level, dates, duplicate codes, unknown
 * parents, parents at a lower level or opened later, cycles, codes already used — against the file and the
 * stored tree, with one query per 10,000 codes, and reports every row at fault. A code already used by the
 * very unit the row describes, never changed since, is no fault: that row was imported before.
 */
@Component
class UnitImportCheck {

    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final MongoTemplate mongo;
    private final UnitsProperties properties;
    private final MessageSource messages;

    UnitImportCheck(MongoTemplate mongo, UnitsProperties properties, MessageSource messages) {
        this.mongo = mongo;
        this.properties = properties;
        this.messages = messages;
    }

    /**
     * The rows at fault, by row number; the opening date of every row that has a valid one; the codes of the
     * rows whose unit is already registered as the row says ({@link Unit#isAsOpened}), to be skipped.
     */
    record Checked(List<UnitImport.RowError> errors, Map<String, LocalDate> openedOn, Set<String> registered) {
    }

    /** Every row's problems, in the caller's language, and the opening date of each row that has a valid one. */
    Checked check(List<UnitImportRows.Row> rows, Locale locale) {
        Map<String, Integer> rowOfCode = new HashMap<>();
        Map<Integer, List<String>> errors = new LinkedHashMap<>();
        Map<String, LocalDate> openedOn = new HashMap<>();
        for (UnitImportRows.Row row : rows) {
            List<String> problems = new ArrayList<>();
            require(row.code(), "code", problems, locale);
            require(row.name(), "name", problems, locale);
            if (require(row.kind(), "kind", problems, locale) && !properties.kinds().contains(row.kind())) {
                problems.add(message("import.unknown-kind", locale, row.kind(), properties.kinds()));
            }
            if (require(row.level(), "level", problems, locale) && !properties.levels().contains(row.level())) {
                problems.add(message("import.unknown-level", locale, row.level(), properties.levels()));
            }
            if (require(row.openedOn(), "openedOn", problems, locale)) {
                LocalDate date = parseDate(row.openedOn());
                if (date == null) {
                    problems.add(message("import.bad-date", locale, row.openedOn()));
                } else if (row.code() != null) {
                    openedOn.put(row.code(), date);
                }
            }
            if (row.code() != null) {
                Integer first = rowOfCode.putIfAbsent(row.code(), row.number());
                if (first != null) {
                    problems.add(message("import.duplicate-code", locale, row.code(), first));
                }
            }
            if (!problems.isEmpty()) {
                errors.put(row.number(), problems);
            }
        }
        Map<String, Unit> existing = existing(rows);
        Map<String, UnitImportRows.Row> byCode = new HashMap<>();
        rows.forEach(row -> byCode.putIfAbsent(row.code(), row));
        Set<String> registered = new HashSet<>();
        for (UnitImportRows.Row row : rows) {
            List<String> problems = new ArrayList<>();
            Unit stored = row.code() == null ? null : existing.get(row.code());
            if (stored != null && stored.isAsOpened(row.name(), row.kind(), row.level(), openedOn.get(row.code()), row.parentId())) {
                registered.add(row.code());
            } else if (stored != null) {
                problems.add(message("import.exists", locale, row.code()));
            }
            if (row.parentId() != null) {
                checkParent(row, byCode.get(row.parentId()), existing.get(row.parentId()), openedOn, problems, locale);
            }
            if (!problems.isEmpty()) {
                errors.computeIfAbsent(row.number(), n -> new ArrayList<>()).addAll(problems);
            }
        }
        for (String code : cycles(byCode)) {
            errors.computeIfAbsent(byCode.get(code).number(), n -> new ArrayList<>())
                    .add(message("import.cycle", locale, code));
        }
        List<UnitImport.RowError> rowErrors = new ArrayList<>();
        errors.forEach((number, problems) -> rowErrors.add(new UnitImport.RowError(number, rows.get(indexOf(rows, number)).code(), problems)));
        rowErrors.sort(Comparator.comparingInt(UnitImport.RowError::row));
        return new Checked(rowErrors, openedOn, registered);
    }

    private void checkParent(UnitImportRows.Row row, UnitImportRows.Row fileParent, Unit storedParent,
            Map<String, LocalDate> openedOn, List<String> problems, Locale locale) {
        String parentLevel;
        LocalDate parentOpened;
        LocalDate parentClosed = null;
        if (fileParent != null) {
            parentLevel = fileParent.level();
            parentOpened = openedOn.get(fileParent.code());
        } else if (storedParent != null) {
            parentLevel = storedParent.level;
            parentOpened = storedParent.openedOn;
            parentClosed = storedParent.closedOn;
        } else {
            problems.add(message("import.unknown-parent", locale, row.parentId()));
            return;
        }
        if (row.level() != null && parentLevel != null && properties.levels().contains(row.level())
                && properties.rank(parentLevel) > properties.rank(row.level())) {
            problems.add(message("import.parent-level", locale, row.parentId(), parentLevel, row.level()));
        }
        LocalDate opened = openedOn.get(row.code());
        if (opened != null && parentOpened != null && (parentOpened.isAfter(opened)
                || (parentClosed != null && !parentClosed.isAfter(opened)))) {
            problems.add(message("import.parent-not-open", locale, row.parentId(), opened));
        }
    }

    /** Codes of rows whose chain of parents inside the file comes back to themselves. */
    private static Set<String> cycles(Map<String, UnitImportRows.Row> byCode) {
        Set<String> inCycle = new HashSet<>();
        Set<String> settled = new HashSet<>();
        for (String start : byCode.keySet()) {
            List<String> path = new ArrayList<>();
            Set<String> onPath = new HashSet<>();
            String current = start;
            while (current != null && byCode.containsKey(current) && !settled.contains(current)) {
                if (!onPath.add(current)) {
                    inCycle.addAll(path.subList(path.indexOf(current), path.size()));
                    break;
                }
                path.add(current);
                current = byCode.get(current).parentId();
            }
            settled.addAll(path);
        }
        return inCycle;
    }

    private Map<String, Unit> existing(List<UnitImportRows.Row> rows) {
        Set<String> codes = new HashSet<>();
        rows.forEach(row -> {
            if (row.code() != null) {
                codes.add(row.code());
            }
            if (row.parentId() != null) {
                codes.add(row.parentId());
            }
        });
        Map<String, Unit> found = new HashMap<>();
        List<String> all = new ArrayList<>(codes);
        for (int i = 0; i < all.size(); i += 10_000) {
            Query query = Query.query(Criteria.where("_id").in(all.subList(i, Math.min(all.size(), i + 10_000))));
            query.fields().include("revision", "name", "kind", "level", "openedOn", "closedOn", "parents");
            mongo.find(query, Unit.class).forEach(unit -> found.put(unit.code, unit));
        }
        return found;
    }

    private boolean require(String value, String field, List<String> problems, Locale locale) {
        if (value == null || value.isBlank()) {
            problems.add(message("import.required", locale, field));
            return false;
        }
        return true;
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException iso) {
            try {
                return LocalDate.parse(text, VIETNAMESE_DATE);
            } catch (DateTimeParseException vietnamese) {
                return null;
            }
        }
    }

    private static int indexOf(List<UnitImportRows.Row> rows, int number) {
        int low = 0;
        int high = rows.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int value = rows.get(middle).number();
            if (value < number) {
                low = middle + 1;
            } else if (value > number) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        throw new IllegalStateException("no row " + number);
    }

    private String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
