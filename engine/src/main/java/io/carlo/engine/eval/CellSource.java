package io.carlo.engine.eval;

import io.carlo.engine.formula.WorkbookFormulas;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.workbook.Workbook;
import java.util.Optional;

/**
 * Where the interpreter reads cell values from while evaluating a formula: the whole-workbook
 * {@link WorkbookEvaluator}, or the simulation's view of one iteration (constants folded once,
 * uncertain cells taken from the current lane).
 */
public interface CellSource {

    Workbook workbook();

    WorkbookFormulas formulas();

    /** A cell's value (computing it first if needed). */
    Scalar value(int sheet, int row, int col);

    /** A view of an area's values; whole columns and rows clipped to the used range. */
    Grid read(Area area);

    /** A cell's formula text with '=', empty for a constant or an empty cell. */
    Optional<String> formulaText(int sheet, int row, int col);

    /** A uniform number in [0, 1) for RAND and its relatives. */
    double random();

    /** The current date-time as an Excel serial number. */
    double now();
}
