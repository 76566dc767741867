package io.carlo.engine.function.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.workbook.CellAddress;
import org.junit.jupiter.api.Test;

/** Lookup functions whose result depends on the cell they are in, which case files cannot test. */
class LookupInWorkbookTest {

    private final WorkbookEvaluator evaluator = WorkbookEvaluator.of(new TestWorkbooks()
            .set("S", "C5", "=ROW()")
            .set("S", "D5", "=COLUMN()")
            .set("S", "E5", "=FORMULATEXT(C5)")
            .set("S", "F5", "=FORMULATEXT(A1)")
            .set("S", "A1", "7")
            .set("S", "G5", "=ROWS(A1:INDEX(A:A,ROW()))")
            .set("S", "H5", "=ADDRESS(ROW(),COLUMN(),4)")
            .set("S", "I5", "=INDIRECT(\"R[-4]C[-8]\",FALSE)")
            .build());

    private Scalar value(int row, int col) {
        return evaluator.value(new CellAddress(0, row, col));
    }

    @Test
    void rowAndColumnWithoutArgumentAreTheFormulasOwnCell() {
        assertEquals(NumberValue.of(5), value(4, 2));
        assertEquals(NumberValue.of(4), value(4, 3));
        assertEquals(NumberValue.of(5), value(4, 6));
        assertEquals(new TextValue("H5"), value(4, 7));
    }

    @Test
    void formulaTextShowsTheFormulaOrNa() {
        assertEquals(new TextValue("=ROW()"), value(4, 4));
        assertEquals(ExcelError.NA, value(4, 5));
    }

    @Test
    void indirectR1C1IsRelativeToTheFormulasCell() {
        assertEquals(NumberValue.of(7), value(4, 8));
    }
}
