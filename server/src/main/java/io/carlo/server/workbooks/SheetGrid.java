package io.carlo.server.workbooks;

import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.format.ExcelNumberFormat;
import io.carlo.engine.formula.FormulaPrinter;
import io.carlo.engine.formula.ParsedFormula;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.workbook.Cell;
import io.carlo.engine.workbook.CellAddress;
import io.carlo.engine.workbook.Sheet;
import io.carlo.engine.workbook.Workbook;
import io.carlo.server.api.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * A window of a sheet for the spreadsheet view: each non-empty cell's value as the file holds it,
 * the text Excel would show (its number format applied) and its formula.
 */
public final class SheetGrid {

    /** The most cells one request may ask for: a screen shows a few thousand. */
    public static final long MAX_CELLS = 20_000;

    /**
     * @param type    number, text, boolean, error or blank (a formula without a cached value)
     * @param value   the number, text or boolean; the error's text for an error
     * @param display what the cell shows, with its number format
     * @param formula the formula with its '=', or null for a constant
     */
    public record CellView(String ref, int row, int col, String type, Object value, String display, String formula,
                           String numberFormat) {
    }

    public record Window(int sheet, String name, String range, int lastRow, int lastCol, List<CellView> cells) {
    }

    private SheetGrid() {
    }

    public static Window read(LinkedWorkbook linked, int sheetIndex, String range) {
        Workbook wb = linked.workbook();
        if (sheetIndex < 0 || sheetIndex >= wb.sheets().size()) {
            throw ApiException.notFound("sheet");
        }
        Sheet sheet = wb.sheet(sheetIndex);
        CellRange window = range == null || range.isBlank()
                ? new CellRange(0, 0, Math.max(0, Math.min(sheet.lastRow(), 99)), Math.max(0, Math.min(sheet.lastCol(), 25)))
                : CellRange.parse(range);
        if (window.cellCount() > MAX_CELLS) {
            throw ApiException.badRequest("the range " + window.a1() + " has " + window.cellCount()
                    + " cells; ask for at most " + MAX_CELLS + " at a time");
        }
        FormulaPrinter printer = new FormulaPrinter(wb::quotedSheetName, sheetIndex);
        List<CellView> cells = new ArrayList<>();
        int lastRow = Math.min(window.lastRow(), sheet.lastRow());
        for (int r = window.firstRow(); r <= lastRow; r++) {
            int lastCol = Math.min(window.lastCol(), sheet.rowWidth(r) - 1);
            for (int c = window.firstCol(); c <= lastCol; c++) {
                Cell cell = sheet.cell(r, c);
                if (cell != null) {
                    cells.add(view(cell, formula(linked, cell, sheetIndex, printer)));
                }
            }
        }
        return new Window(sheetIndex, sheet.name(), window.a1(), sheet.lastRow(), sheet.lastCol(), cells);
    }

    private static String formula(LinkedWorkbook linked, Cell cell, int sheet, FormulaPrinter printer) {
        if (!cell.isFormula()) {
            return null;
        }
        boolean anchor = cell.formula().anchorRow() == cell.row() && cell.formula().anchorCol() == cell.col();
        if (anchor || cell.formula().isArray()) {
            String text = "=" + cell.formula().text();
            return cell.formula().isArray() ? "{" + text + "}" : text;
        }
        // a shared formula is written once, at its anchor: print this cell's moved copy
        ParsedFormula parsed = linked.formulas().get(new CellAddress(sheet, cell.row(), cell.col()));
        return parsed != null && parsed.expr() != null ? "=" + printer.print(parsed.expr()) : "=" + cell.formula().text();
    }

    private static CellView view(Cell cell, String formula) {
        Scalar v = cell.value();
        String type;
        Object value;
        switch (v) {
            case NumberValue n -> {
                type = "number";
                value = Double.isFinite(n.value()) ? n.value() : null;
            }
            case TextValue t -> {
                type = "text";
                value = t.value();
            }
            case BooleanValue b -> {
                type = "boolean";
                value = b.value();
            }
            case ExcelError e -> {
                type = "error";
                value = e.text();
            }
            case BlankValue b -> {
                type = "blank";
                value = null;
            }
        }
        String display = v instanceof BlankValue ? "" : ExcelNumberFormat.cellText(v, cell.numberFormat());
        return new CellView(CellAddress.a1(cell.row(), cell.col()), cell.row(), cell.col(), type, value, display,
                formula, cell.numberFormat());
    }
}
