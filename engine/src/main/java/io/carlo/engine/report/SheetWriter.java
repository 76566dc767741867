package io.carlo.engine.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.List;

/** Small helpers shared by the sheets: typed cells, header rows, column widths. */
final class SheetWriter {

    /** Widths are in 1/256 of a character; Excel's limit is 255 characters. */
    private static final int MAX_WIDTH_CHARS = 60;

    private SheetWriter() {
    }

    static Row row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row != null ? row : sheet.createRow(index);
    }

    /**
     * A number cell, or no cell at all for NaN and infinities (a statistic that does not exist,
     * such as the skewness of two values, or an iteration that was an Excel error): POI would
     * otherwise write #NUM! or #DIV/0!, which Excel propagates into any sum over the column.
     */
    static void number(Row row, int column, double value, CellStyle style) {
        if (!Double.isFinite(value)) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    static void text(Row row, int column, String value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** A header row whose columns from {@code firstNumberColumn} on hold numbers. */
    static void header(Sheet sheet, int rowIndex, List<String> titles, int firstNumberColumn, ReportStyles styles) {
        Row row = row(sheet, rowIndex);
        for (int c = 0; c < titles.size(); c++) {
            text(row, c, titles.get(c), c < firstNumberColumn ? styles.header() : styles.numberHeader());
        }
    }

    /** Sets a column's width to fit {@code chars} characters (plus a margin), within a sane limit. */
    static void width(Sheet sheet, int column, int chars) {
        sheet.setColumnWidth(column, Math.min(chars + 2, MAX_WIDTH_CHARS) * 256);
    }

    /** The label of a simulated quantity: its name, or its cell when it has no name. */
    static String label(String name, String cell) {
        return name == null || name.isBlank() ? cell : name;
    }
}
