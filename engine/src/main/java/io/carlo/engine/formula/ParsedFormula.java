package io.carlo.engine.formula;

import io.carlo.engine.workbook.CellAddress;

/**
 * A formula cell after parsing.
 *
 * @param expr       the syntax tree, moved to this cell for shared formulas; null when it failed to parse
 * @param arrayAnchor for a cell of an array formula's range, the anchor cell that holds the formula
 *                    (the cell itself for the anchor); null for ordinary formulas
 * @param error      why parsing failed, or null
 */
public record ParsedFormula(CellAddress cell, Expr expr, CellAddress arrayAnchor, int arrayLastRow, int arrayLastCol,
                            String error) {

    public boolean isArray() {
        return arrayAnchor != null;
    }

    /** True for the cell that carries an array formula's text (the others show its elements). */
    public boolean isArrayAnchor() {
        return arrayAnchor != null && arrayAnchor.equals(cell);
    }
}
