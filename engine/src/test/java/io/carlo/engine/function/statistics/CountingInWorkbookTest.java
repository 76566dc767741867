package io.carlo.engine.function.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import org.junit.jupiter.api.Test;

/**
 * Cases the shared fixture cannot express: cells whose formula returns "" (COUNTA counts them,
 * COUNTBLANK too), and order statistics that must leave the range they sort untouched.
 */
class CountingInWorkbookTest {

    private static Scalar n(double v) {
        return NumberValue.of(v);
    }

    @Test
    void emptyTextFromAFormulaIsBothCountedAndBlank() {
        // column A: 1, "" (from a formula), blank, "x", #DIV/0!
        WorkbookEvaluator ev = WorkbookEvaluator.of(new TestWorkbooks()
                .set("S", "A1", "1")
                .set("S", "A2", "=\"\"")
                .set("S", "A4", "\"x\"")
                .set("S", "A5", "=1/0")
                .set("S", "B1", "=COUNTA(A1:A5)")
                .set("S", "B2", "=COUNTBLANK(A1:A5)")
                .set("S", "B3", "=COUNT(A1:A5)")
                .build());
        assertEquals(n(4), ev.value(0, 0, 1));
        assertEquals(n(2), ev.value(0, 1, 1));
        assertEquals(n(1), ev.value(0, 2, 1));
    }

    @Test
    void sortingStatisticsLeaveTheRangeAlone() {
        WorkbookEvaluator ev = WorkbookEvaluator.of(new TestWorkbooks()
                .set("S", "A1", "3")
                .set("S", "A2", "1")
                .set("S", "A3", "2")
                .set("S", "B1", "=MEDIAN(A1:A3)")
                .set("S", "B2", "=LARGE(A1:A3,1)+SMALL(A1:A3,1)+PERCENTILE(A1:A3,0.5)+TRIMMEAN(A1:A3,0)")
                .set("S", "B3", "=A1*100+A2*10+A3")
                .build());
        assertEquals(n(2), ev.value(0, 0, 1));
        assertEquals(n(8), ev.value(0, 1, 1));
        assertEquals(n(312), ev.value(0, 2, 1));
    }
}
