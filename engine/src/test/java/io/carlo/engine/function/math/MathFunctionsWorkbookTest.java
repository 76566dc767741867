package io.carlo.engine.function.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carlo.engine.graph.DependencyGraph;
import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.formula.WorkbookFormulas;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.workbook.Workbook;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour that needs a sheet of its own: nested subtotals, the random stream, results by position. */
class MathFunctionsWorkbookTest {

    private static Scalar number(double v) {
        return NumberValue.of(v);
    }

    @Test
    void subtotalSkipsCellsHoldingSubtotalOrAggregate() {
        Workbook wb = new TestWorkbooks()
                .set("S", "A1", "10")
                .set("S", "A2", "20")
                .set("S", "A3", "=SUBTOTAL(9,A1:A2)")
                .set("S", "A4", "5")
                .set("S", "A5", "=aggregate(9,4,A4)*2")
                .set("S", "A6", "=A1+1")
                .set("S", "B1", "=SUBTOTAL(9,A1:A6)")
                .set("S", "B2", "=SUBTOTAL(2,A1:A6)")
                .set("S", "B3", "=AGGREGATE(9,0,A1:A6)")
                .set("S", "B4", "=AGGREGATE(9,4,A1:A6)")
                .set("S", "B5", "=SUM(A1:A6)")
                .build();
        WorkbookEvaluator ev = WorkbookEvaluator.of(wb);
        assertEquals(number(30), ev.value(0, 2, 0));
        assertEquals(number(10), ev.value(0, 4, 0));
        assertEquals(number(46), ev.value(0, 0, 1), "A3 and A5 are skipped, A6 (=A1+1) counts");
        assertEquals(number(4), ev.value(0, 1, 1));
        assertEquals(number(46), ev.value(0, 2, 1));
        assertEquals(number(86), ev.value(0, 3, 1), "option 4 ignores nothing");
        assertEquals(number(86), ev.value(0, 4, 1));
    }

    @Test
    void randomFunctionsDrawFromTheEvaluatorsStream() {
        Workbook wb = new TestWorkbooks()
                .set("S", "A1", "=RAND()")
                .set("S", "A2", "=RANDBETWEEN(1,10)")
                .set("S", "A3", "=SUM(RANDARRAY(2,1,0,10))")
                .set("S", "A4", "=SUM(RANDARRAY(1,2,1,6,TRUE))")
                .build();
        Iterator<Double> draws = List.of(0.25, 0.95, 0.1, 0.2, 0.0, 0.999).iterator();
        WorkbookFormulas f = WorkbookFormulas.parse(wb);
        WorkbookEvaluator ev = new WorkbookEvaluator(f, DependencyGraph.build(f), FunctionLibrary.standard(),
                new WorkbookEvaluator.Options(draws::next, 45000));
        assertEquals(number(0.25), ev.value(0, 0, 0));
        assertEquals(number(10), ev.value(0, 1, 0));
        assertEquals(number(3), ev.value(0, 2, 0), "0.1*10 + 0.2*10");
        assertEquals(number(7), ev.value(0, 3, 0), "1 + 6");
    }

    @Test
    void valueArgumentsLiftOverArrays() {
        Workbook wb = new TestWorkbooks()
                .set("S", "A1", "=SUM(ABS({-1,2,-3}))")
                .set("S", "A2", "=SUM(ROUND({1.25,2.35},1))")
                .set("S", "A3", "=SUM(MOD({5,-5},3))")
                .set("S", "A4", "=SUM(SEQUENCE(3)*SEQUENCE(3))")
                .build();
        WorkbookEvaluator ev = WorkbookEvaluator.of(wb);
        assertEquals(number(6), ev.value(0, 0, 0));
        assertEquals(3.7, ((NumberValue) ev.value(0, 1, 0)).value(), 1e-12);
        assertEquals(number(3), ev.value(0, 2, 0));
        assertEquals(number(14), ev.value(0, 3, 0));
    }

    @Test
    void errorsOfTheArgumentsPropagate() {
        Workbook wb = new TestWorkbooks()
                .set("S", "A1", "=1/0")
                .set("S", "B1", "=SQRT(A1)")
                .set("S", "B2", "=DEC2BIN(A1)")
                .set("S", "B3", "=MMULT(A1,1)")
                .build();
        WorkbookEvaluator ev = WorkbookEvaluator.of(wb);
        assertEquals(ExcelError.DIV0, ev.value(0, 0, 1));
        assertEquals(ExcelError.DIV0, ev.value(0, 1, 1));
        assertEquals(ExcelError.DIV0, ev.value(0, 2, 1));
    }
}
