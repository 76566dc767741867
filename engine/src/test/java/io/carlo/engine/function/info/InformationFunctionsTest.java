package io.carlo.engine.function.info;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.workbook.Cell;
import io.carlo.engine.workbook.FormulaSource;
import io.carlo.engine.workbook.Sheet;
import io.carlo.engine.workbook.Workbook;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The position-dependent information functions, which the case files cannot test. */
class InformationFunctionsTest {

    private static WorkbookEvaluator evaluator(TestWorkbooks book) {
        return WorkbookEvaluator.of(book.build());
    }

    private static TestWorkbooks book() {
        return new TestWorkbooks()
                .set("Model", "B7", "1").set("Model", "B8", "2").set("Model", "B9", "3")
                .set("My Data", "C3", "\"x\"");
    }

    @Test
    void cellAddressRowAndColumn() {
        WorkbookEvaluator ev = evaluator(book()
                .set("Model", "A1", "=CELL(\"address\",B7)")
                .set("Model", "A2", "=CELL(\"address\",'My Data'!C3:D4)")
                .set("Model", "A3", "=CELL(\"row\")")
                .set("Model", "A4", "=CELL(\"col\")")
                .set("Model", "A5", "=CELL(\"address\",AB100)")
                .set("Model", "A6", "=CELL(\"filename\",B7)")
                .set("Model", "A7", "=CELL(\"format\",B7)"));
        assertEquals(new TextValue("$B$7"), ev.value(0, 0, 0));
        assertEquals(new TextValue("'My Data'!$C$3"), ev.value(0, 1, 0));
        assertEquals(NumberValue.of(3), ev.value(0, 2, 0));
        assertEquals(NumberValue.of(1), ev.value(0, 3, 0));
        assertEquals(new TextValue("$AB$100"), ev.value(0, 4, 0));
        assertEquals(TextValue.EMPTY, ev.value(0, 5, 0));
        assertEquals(ExcelError.VALUE, ev.value(0, 6, 0));
    }

    @Test
    void isFormulaSheetAndSheets() {
        WorkbookEvaluator ev = evaluator(book()
                .set("Model", "A1", "=ISFORMULA(A2)")
                .set("Model", "A2", "=ISFORMULA(B7)")
                .set("My Data", "A1", "=SHEET()")
                .set("My Data", "A2", "=SHEETS()")
                .set("My Data", "A3", "=SHEET(\"model\")")
                .set("My Data", "A4", "=SHEETS(Model!A1)"));
        assertEquals(BooleanValue.TRUE, ev.value(0, 0, 0));
        assertEquals(BooleanValue.FALSE, ev.value(0, 1, 0));
        assertEquals(NumberValue.of(2), ev.value(1, 0, 0));
        assertEquals(NumberValue.of(2), ev.value(1, 1, 0));
        assertEquals(NumberValue.of(1), ev.value(1, 2, 0));
        assertEquals(NumberValue.of(1), ev.value(1, 3, 0));
    }

    @Test
    void nReadsTheFirstCellWhileIsFunctionsIntersect() {
        WorkbookEvaluator ev = evaluator(book()
                .set("Model", "A8", "=N(B7:B9)")
                .set("Model", "C8", "=ISNUMBER(B7:B9)")
                .set("Model", "C1", "=ISNUMBER(B7:B9)")
                .set("Model", "D8", "=TYPE(B7:B9)"));
        assertEquals(NumberValue.of(1), ev.value(0, 7, 0));
        assertEquals(BooleanValue.TRUE, ev.value(0, 7, 2));
        // no row of B7:B9 is row 1: the intersection is #VALUE!, which is not a number
        assertEquals(BooleanValue.FALSE, ev.value(0, 0, 2));
        assertEquals(NumberValue.of(64), ev.value(0, 7, 3));
    }

    @Test
    void ifWorksElementByElementInAnArrayFormula() {
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell(6, 1, NumberValue.of(1), null, false, "General"));
        cells.add(new Cell(7, 1, NumberValue.of(2), null, false, "General"));
        cells.add(new Cell(8, 1, NumberValue.of(3), null, false, "General"));
        String f = "OR(IF(B7:B9>2,TRUE,FALSE))";
        cells.add(formula(0, 0, f, FormulaSource.Kind.ARRAY));
        cells.add(formula(6, 0, f, FormulaSource.Kind.NORMAL));
        cells.add(formula(0, 2, f, FormulaSource.Kind.NORMAL));
        cells.add(formula(1, 0, "SUMPRODUCT(COUNTIF(B7:B9,{1,3,5}))", FormulaSource.Kind.NORMAL));
        Workbook wb = new Workbook("t", List.of(new Sheet("S", 0, cells)), List.of(), List.of(),
                io.carlo.engine.workbook.CalculationSettings.DEFAULT, false);
        WorkbookEvaluator ev = WorkbookEvaluator.of(wb);
        assertEquals(BooleanValue.TRUE, ev.value(0, 0, 0));
        assertEquals(BooleanValue.FALSE, ev.value(0, 6, 0)); // intersects B7, 1 > 2 is FALSE
        assertEquals(ExcelError.VALUE, ev.value(0, 0, 2));
        assertEquals(NumberValue.of(2), ev.value(0, 1, 0));
    }

    private static Cell formula(int row, int col, String text, FormulaSource.Kind kind) {
        return new Cell(row, col, io.carlo.engine.value.BlankValue.BLANK,
                new FormulaSource(text, row, col, kind, row, col), false, "General");
    }
}
