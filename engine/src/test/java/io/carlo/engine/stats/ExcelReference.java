package io.carlo.engine.stats;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import java.util.List;

/**
 * Evaluates Excel formulas over a column of values through Carlo's own function library, which is
 * verified against LibreOffice: an independent reference for the statistics of this package.
 * In the formulas, {@code DATA} stands for the range holding the values.
 */
final class ExcelReference {

    private final WorkbookEvaluator evaluator;
    private final int count;

    private ExcelReference(WorkbookEvaluator evaluator, int count) {
        this.evaluator = evaluator;
        this.count = count;
    }

    static ExcelReference evaluate(double[] values, List<String> formulas) {
        TestWorkbooks book = new TestWorkbooks();
        for (int i = 0; i < values.length; i++) {
            book.set("S", "A" + (i + 1), "=" + values[i]);
        }
        String range = "A1:A" + values.length;
        for (int i = 0; i < formulas.size(); i++) {
            book.set("S", "B" + (i + 1), "=" + formulas.get(i).replace("DATA", range));
        }
        WorkbookEvaluator evaluator = WorkbookEvaluator.of(book.build());
        evaluator.evaluateAll();
        return new ExcelReference(evaluator, formulas.size());
    }

    /** The number the i-th formula (from 0) gave; fails on an Excel error. */
    double number(int i) {
        if (i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
        Scalar v = evaluator.value(0, i, 1);
        if (v instanceof NumberValue n) {
            return n.value();
        }
        throw new AssertionError("formula " + (i + 1) + " gave " + v);
    }
}
