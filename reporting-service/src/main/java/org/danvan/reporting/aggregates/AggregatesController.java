package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.danvan.support.security.Callers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AggregatesController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final List<String> INDICATOR_HEADERS = List.of("Mã đơn vị", "Tên đơn vị", "Cấp", "Tử số", "Mẫu số",
            "Giá trị", "Số đơn vị đã báo cáo", "Số đơn vị phải báo cáo");

    private final Aggregates aggregates;
    private final UnitScope scope;

    AggregatesController(Aggregates aggregates, UnitScope scope) {
        this.aggregates = aggregates;
        this.scope = scope;
    }

    /** Figures of a unit's subtree only for those whose own subtree holds that unit. */
    private void requireScope(String unit) {
        scope.require(Callers.current(), unit, UnitScope.READERS, "unit", unit);
    }

    @GetMapping("/indicators/{code}/values")
    IndicatorValuesView indicator(@PathVariable String code, @RequestParam("unit") String unit,
            @RequestParam("period") String period) {
        requireScope(unit);
        return aggregates.indicator(code, unit, period);
    }

    /** The indicator table for spreadsheets: UTF-8 with a byte-order mark so Excel reads the Vietnamese headers. */
    @GetMapping(value = "/indicators/{code}/values.csv")
    ResponseEntity<byte[]> indicatorCsv(@PathVariable String code, @RequestParam("unit") String unit,
            @RequestParam("period") String period) {
        requireScope(unit);
        IndicatorValuesView table = aggregates.indicator(code, unit, period);
        List<List<String>> rows = new ArrayList<>();
        rows.add(INDICATOR_HEADERS);
        for (IndicatorValuesView.Row row : table.children()) {
            rows.add(List.of(text(row.code()), text(row.name()), text(row.level()), number(row.numerator()),
                    number(row.denominator()), number(row.value()), Integer.toString(row.reportedUnits()),
                    Integer.toString(row.expectedUnits())));
        }
        rows.add(List.of("", "Tổng cộng: " + text(table.unitName()), "", number(table.numerator()),
                number(table.denominator()), number(table.value()), Integer.toString(table.reportedUnits()),
                Integer.toString(table.expectedUnits())));
        rows.add(List.of("", table.treeNote()));
        StringBuilder csv = new StringBuilder("\uFEFF");
        rows.forEach(row -> csv.append(String.join(",", row.stream().map(AggregatesController::quote).toList())).append("\r\n"));
        String filename = code + "_" + unit + "_" + table.period() + ".csv";
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9_.-]", "_") + "\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The same table as an Excel workbook: one sheet, the Vietnamese header row, one row per child unit and the total. */
    @GetMapping(value = "/indicators/{code}/values.xlsx")
    ResponseEntity<byte[]> indicatorXlsx(@PathVariable String code, @RequestParam("unit") String unit,
            @RequestParam("period") String period) {
        requireScope(unit);
        IndicatorValuesView table = aggregates.indicator(code, unit, period);
        String filename = code + "_" + unit + "_" + table.period() + ".xlsx";
        return ResponseEntity.ok()
                .contentType(IndicatorWorkbook.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9_.-]", "_") + "\"")
                .body(IndicatorWorkbook.of(table, INDICATOR_HEADERS));
    }

    @GetMapping("/data-elements/{code}/values")
    ElementValuesView element(@PathVariable String code, @RequestParam("unit") String unit,
            @RequestParam("period") String period) {
        requireScope(unit);
        return aggregates.element(code, unit, period);
    }

    @GetMapping("/completeness")
    CompletenessView completeness(@RequestParam("form") String form, @RequestParam("unit") String unit,
            @RequestParam("period") String period, Locale locale) {
        requireScope(unit);
        return aggregates.completeness(form, unit, period, locale);
    }

    /** Every form's completeness below the unit in one answer (a dashboard's table), in the order of their codes. */
    @GetMapping("/completeness/forms")
    List<CompletenessView> completenessOfEveryForm(@RequestParam("unit") String unit, @RequestParam("period") String period,
            Locale locale) {
        requireScope(unit);
        return aggregates.completenessOfEveryForm(unit, period, locale);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String quote(String field) {
        return field.matches(".*[\",\r\n;].*") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
