package org.danvan.reporting.aggregates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;

/** An indicator table as an XLSX workbook: numbers stay numbers, so the sheet can be summed and charted. */
final class IndicatorWorkbook {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private IndicatorWorkbook() {
    }

    static byte[] of(IndicatorValuesView table, List<String> headers) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // sheet names are at most 31 characters and may not contain []:*?/\
            String sheetName = (table.indicatorCode() + " " + table.period()).replaceAll("[\\[\\]:*?/\\\\]", "_");
            Sheet sheet = workbook.createSheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (IndicatorValuesView.Row row : table.children()) {
                write(sheet.createRow(r++), row.code(), row.name(), row.level(), row.numerator(), row.denominator(),
                        row.value(), row.reportedUnits(), row.expectedUnits());
            }
            Row total = sheet.createRow(r);
            write(total, "", "Tổng cộng: " + (table.unitName() == null ? "" : table.unitName()), "", table.numerator(),
                    table.denominator(), table.value(), table.reportedUnits(), table.expectedUnits());
            total.forEach(cell -> cell.setCellStyle(bold));
            sheet.createRow(r + 1).createCell(1).setCellValue(table.treeNote());
            for (int i = 0; i < headers.size(); i++) {
                sheet.setColumnWidth(i, Math.max(12, headers.get(i).length() + 4) * 256);
            }
            sheet.setColumnWidth(1, 40 * 256);
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, String code, String name, String level, BigDecimal numerator,
            BigDecimal denominator, BigDecimal value, int reported, int expected) {
        row.createCell(0).setCellValue(code == null ? "" : code);
        row.createCell(1).setCellValue(name == null ? "" : name);
        row.createCell(2).setCellValue(level == null ? "" : level);
        number(row.createCell(3), numerator);
        number(row.createCell(4), denominator);
        number(row.createCell(5), value);
        row.createCell(6).setCellValue(reported);
        row.createCell(7).setCellValue(expected);
    }

    /** A missing figure stays an empty cell, never a zero. */
    private static void number(Cell cell, BigDecimal value) {
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }
}
