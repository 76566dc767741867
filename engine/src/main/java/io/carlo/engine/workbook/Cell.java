package io.carlo.engine.workbook;

import io.carlo.engine.value.Scalar;

/**
 * One non-empty cell as loaded from the file.
 *
 * @param value        the constant, or for a formula cell the value cached in the file (blank when
 *                     the file carries none)
 * @param formula      the formula, or null for a constant
 * @param hasCachedValue whether the file stored a computed value for this formula cell
 * @param numberFormat the cell's number format code ("General" when none)
 */
public record Cell(int row, int col, Scalar value, FormulaSource formula, boolean hasCachedValue,
                   String numberFormat) {

    public boolean isFormula() {
        return formula != null;
    }
}
