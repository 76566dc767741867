package io.carlo.engine.function;

import io.carlo.engine.value.Area;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.ReferenceValue;
import java.util.Optional;

/** What a function may ask of the evaluation it runs in. */
public interface FunctionContext {

    /** Sheet index of the cell whose formula is being evaluated. */
    int hostSheet();

    /** Zero-based row of the cell whose formula is being evaluated. */
    int hostRow();

    /** Zero-based column of the cell whose formula is being evaluated. */
    int hostCol();

    /** True while evaluating an array (CSE) formula. */
    boolean arrayMode();

    /**
     * The values of an area, as large as the area, except that whole-column and whole-row references
     * (A:A, 3:3) are clipped to the sheet's used range (keeping at least one row and column).
     */
    Grid read(Area area);

    /** Reads one cell's value. */
    default io.carlo.engine.value.Scalar cell(int sheet, int row, int col) {
        return read(Area.cell(sheet, row, col)).get(0, 0);
    }

    int sheetCount();

    String sheetName(int sheet);

    /** Sheet index by name (case-insensitive), or -1. */
    int sheetIndex(String name);

    /** Last used row and column of a sheet (zero-based), -1 for an empty sheet. */
    int lastRow(int sheet);

    int lastCol(int sheet);

    /**
     * Parses a reference text the way INDIRECT does (A1 or R1C1 style, with an optional sheet, or a
     * defined name), relative to the host cell; empty when the text is not a valid reference.
     */
    Optional<ReferenceValue> parseReference(String text, boolean a1Style);

    /** The formula text of a cell (with a leading '='), empty when it holds no formula. */
    Optional<String> formulaText(int sheet, int row, int col);

    /** A uniform random number in [0, 1) for RAND and its relatives. */
    double random();

    /** The current date-time as an Excel serial number (NOW, TODAY). */
    double now();
}
