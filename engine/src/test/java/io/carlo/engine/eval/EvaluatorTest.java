package io.carlo.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.carlo.engine.formula.TableDef;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.workbook.CellAddress;
import io.carlo.engine.workbook.Cell;
import io.carlo.engine.workbook.FormulaSource;
import io.carlo.engine.workbook.Sheet;
import io.carlo.engine.workbook.Workbook;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static Scalar eval(Workbook wb, String sheet, int row, int col) {
        WorkbookEvaluator e = WorkbookEvaluator.of(wb);
        e.evaluateAll();
        return e.value(wb.sheetIndex(sheet), row, col);
    }

    private static Scalar n(double v) {
        return NumberValue.of(v);
    }

    @Test
    void implicitIntersectionPicksTheHostRow() {
        Workbook wb = new TestWorkbooks()
                .set("S", "A1", "10").set("S", "A2", "20").set("S", "A3", "30")
                .set("S", "B2", "=A1:A3*2")
                .set("S", "B5", "=A1:A3*2")
                .build();
        assertEquals(n(40), eval(wb, "S", 1, 1));
        assertEquals(ExcelError.VALUE, eval(wb, "S", 4, 1));
    }

    @Test
    void arrayFormulaEvaluatesRangesElementWise() {
        // {=MATCH(TRUE, C1:F1>0, 0)} as in the start-up plan's break-even month
        List<Cell> cells = new ArrayList<>();
        double[] flows = {-5, -2, 0, 3};
        for (int c = 0; c < flows.length; c++) {
            cells.add(new Cell(0, 2 + c, NumberValue.of(flows[c]), null, false, "General"));
        }
        cells.add(new Cell(1, 0, NumberValue.ZERO,
                new FormulaSource("MATCH(TRUE,C1:F1>0,0)", 1, 0, FormulaSource.Kind.ARRAY, 1, 0), true, "General"));
        cells.add(new Cell(2, 0, NumberValue.ZERO,
                new FormulaSource("C1:F1*10", 2, 0, FormulaSource.Kind.ARRAY, 2, 3), true, "General"));
        for (int c = 1; c <= 3; c++) {
            cells.add(new Cell(2, c, NumberValue.ZERO,
                    new FormulaSource("C1:F1*10", 2, 0, FormulaSource.Kind.ARRAY, 2, 3), true, "General"));
        }
        Workbook wb = new Workbook("t", List.of(new Sheet("S", 0, cells)), List.of(), List.of(),
                io.carlo.engine.workbook.CalculationSettings.DEFAULT, false);
        WorkbookEvaluator e = WorkbookEvaluator.of(wb);
        e.evaluateAll();
        assertEquals(n(4), e.value(0, 1, 0));
        assertEquals(n(-50), e.value(0, 2, 0));
        assertEquals(n(-20), e.value(0, 2, 1));
        assertEquals(n(0), e.value(0, 2, 2));
        assertEquals(n(30), e.value(0, 2, 3));
    }

    @Test
    void definedNamesWorkbookAndSheetScoped() {
        Workbook wb = new TestWorkbooks()
                .set("A", "A1", "5").set("A", "B1", "=Rate*2").set("A", "C1", "=Local+1")
                .set("B", "A1", "7").set("B", "B1", "=Local")
                .name("Rate", -1, "A!$A$1")
                .name("Local", 0, "A!$A$1")
                .name("Local", 1, "B!$A$1")
                .build();
        assertEquals(n(10), eval(wb, "A", 0, 1));
        assertEquals(n(6), eval(wb, "A", 0, 2));
        assertEquals(n(7), eval(wb, "B", 0, 1));
    }

    @Test
    void unknownNameIsNameError() {
        Workbook wb = new TestWorkbooks().set("S", "A1", "=NoSuchName+1").build();
        assertEquals(ExcelError.NAME, eval(wb, "S", 0, 0));
    }

    @Test
    void unknownFunctionIsNameErrorNeverZero() {
        Workbook wb = new TestWorkbooks().set("S", "A1", "=NOSUCHFUNCTION(1)").build();
        assertEquals(ExcelError.NAME, eval(wb, "S", 0, 0));
    }

    @Test
    void letBindsValuesInOrder() {
        Workbook wb = new TestWorkbooks().set("S", "A1", "3").set("S", "B1", "=LET(x, A1*2, y, x+1, x*y)").build();
        assertEquals(n(42), eval(wb, "S", 0, 1));
    }

    @Test
    void referenceToEmptyCellShowsZeroButTextStaysText() {
        Workbook wb = new TestWorkbooks().set("S", "A1", "=B9").set("S", "A2", "=\"\"").build();
        assertEquals(n(0), eval(wb, "S", 0, 0));
        assertEquals(new TextValue(""), eval(wb, "S", 1, 0));
    }

    @Test
    void threeDimensionalReferenceSpansSheets() {
        Workbook wb = new TestWorkbooks()
                .set("S1", "A1", "1").set("S2", "A1", "2").set("S3", "A1", "3")
                .set("Total", "A1", "=S1:S3!A1")
                .build();
        // a 3-D reference used as a single value is #VALUE! (it needs a function such as SUM)
        assertEquals(ExcelError.VALUE, eval(wb, "Total", 0, 0));
    }

    @Test
    void structuredReferenceResolvesToTheTableColumn() {
        Workbook wb = new TestWorkbooks()
                .set("S", "A1", "\"Item\"").set("S", "B1", "\"Price\"")
                .set("S", "A2", "\"x\"").set("S", "B2", "4")
                .set("S", "A3", "\"y\"").set("S", "B3", "6")
                .set("S", "C2", "=[@Price]*2")
                .set("S", "D1", "=Items[[#Headers],[Price]]")
                .table(new TableDef("Items", 0, 0, 0, 2, 2, 1, 0, List.of("Item", "Price", "Double")))
                .build();
        assertEquals(n(8), eval(wb, "S", 1, 2));
        assertEquals(new TextValue("Price"), eval(wb, "S", 0, 3));
    }

    @Test
    void cycleIsAnErrorNamingItsCells() {
        Workbook wb = new TestWorkbooks().set("S", "A1", "=B1+1").set("S", "B1", "=A1*2").set("S", "C1", "=5").build();
        CircularReferenceException e = assertThrows(CircularReferenceException.class,
                () -> WorkbookEvaluator.of(wb).evaluateAll());
        assertThat(e.cells()).containsExactly("S!A1", "S!B1");
        assertThat(e.getMessage()).contains("S!A1").contains("S!B1");
    }

    @Test
    void selfReferenceIsACycle() {
        Workbook wb = new TestWorkbooks().set("S", "A1", "=A1+1").build();
        assertThrows(CircularReferenceException.class, () -> WorkbookEvaluator.of(wb).evaluateAll());
    }

    @Test
    void iterativeCalculationConvergesWhenEnabled() {
        // x = 10 + x/2 converges to 20
        Workbook wb = new TestWorkbooks().set("S", "A1", "=10+B1/2").set("S", "B1", "=A1")
                .iterative(100, 1e-9).build();
        Scalar v = eval(wb, "S", 0, 0);
        assertThat(((NumberValue) v).value()).isCloseTo(20, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void subsetEvaluationComputesOnlyPrecedents() {
        Workbook wb = new TestWorkbooks()
                .set("S", "A1", "2").set("S", "B1", "=A1*3").set("S", "C1", "=B1+1").set("S", "D1", "=1/0")
                .build();
        WorkbookEvaluator e = WorkbookEvaluator.of(wb);
        List<CellAddress> order = e.graph().orderFor(List.of(new CellAddress(0, 0, 2)));
        assertThat(order).containsExactly(new CellAddress(0, 0, 1), new CellAddress(0, 0, 2));
        e.evaluate(List.of(new CellAddress(0, 0, 2)));
        assertEquals(n(7), e.value(0, 0, 2));
    }
}
