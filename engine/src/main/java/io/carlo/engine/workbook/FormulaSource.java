package io.carlo.engine.workbook;

/**
 * A cell's formula as the file stores it. A shared formula is written once at its anchor cell and
 * applies, moved, to every cell of its range; an array (CSE) formula is written at its anchor and
 * every cell of its range shows one element of the anchor's array result.
 *
 * @param text      the formula text without '=' as written for the anchor cell
 * @param anchorRow row of the cell the text is written for
 * @param anchorCol column of the cell the text is written for
 * @param kind      how the text applies to this cell
 * @param lastRow   for an array formula, the last row of its range (else the anchor row)
 * @param lastCol   for an array formula, the last column of its range (else the anchor column)
 */
public record FormulaSource(String text, int anchorRow, int anchorCol, Kind kind, int lastRow, int lastCol) {

    public enum Kind { NORMAL, SHARED, ARRAY }

    public static FormulaSource normal(String text, int row, int col) {
        return new FormulaSource(text, row, col, Kind.NORMAL, row, col);
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }
}
