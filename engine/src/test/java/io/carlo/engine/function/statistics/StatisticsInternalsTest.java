package io.carlo.engine.function.statistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numerical routines behind the statistical functions, checked against values worked out by hand. */
class StatisticsInternalsTest {

    private static final double EPS = 1e-12;

    @Test
    void varianceIsExactForLargeOffsets() {
        // naive sum-of-squares formulas lose every digit here
        double[] x = {1e9 + 1, 1e9 + 2, 1e9 + 3};
        assertEquals(1.0, Moments.variance(x, true), EPS);
        assertEquals(2.0 / 3, Moments.variance(x, false), EPS);
    }

    @Test
    void varianceNeedsEnoughPoints() {
        ErrorSignal e = assertThrows(ErrorSignal.class, () -> Moments.variance(new double[] {1}, true));
        assertEquals(ExcelError.DIV0, e.error());
        assertEquals(0.0, Moments.variance(new double[] {1}, false));
    }

    @Test
    void sortingLeavesTheCallersDataAlone() {
        double[] data = {3, 1, 2};
        SortedSample s = SortedSample.of(data);
        assertArrayEquals(new double[] {3, 1, 2}, data);
        assertEquals(2, s.median());
        assertEquals(3, s.kth(1, true));
        assertEquals(1, s.kth(1, false));
    }

    @Test
    void percentilesInterpolate() {
        SortedSample s = SortedSample.of(new double[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 100});
        assertEquals(32.5, s.percentileInclusive(0.25), EPS);
        assertEquals(27.5, s.percentileExclusive(0.25), EPS);
        assertEquals(ExcelError.NUM, assertThrows(ErrorSignal.class, () -> s.percentileExclusive(0.05)).error());
        assertEquals(100, s.percentileInclusive(1), EPS);
    }

    @Test
    void modesKeepTheOrderOfFirstAppearance() {
        assertEquals(List.of(4.0, 1.0), OrderStatistics.modes(new double[] {4, 1, 1, 4, 2}));
        assertEquals(List.of(0.0), OrderStatistics.modes(new double[] {-0.0, 0.0}));
        assertEquals(ExcelError.NA, assertThrows(ErrorSignal.class, () -> OrderStatistics.modes(new double[] {1, 2})).error());
    }

    @Test
    void frequencyCountsInTheBinsOwnOrder() {
        ArrayValue counts = FrequencyFunctions.frequency(new double[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 100},
                new double[] {75, 25, 50, 50});
        assertEquals(ArrayValue.column(n(2), n(2), n(3), n(0), n(3)), counts);
        assertEquals(ArrayValue.column(n(2)), FrequencyFunctions.frequency(new double[] {1, 2}, new double[0]));
    }

    @Test
    void simpleLineFitsExactly() {
        double[][] x = {{0}, {4}, {2}, {3}};
        double[] y = {1, 9, 5, 7};
        LeastSquaresFit fit = LeastSquaresFit.fit(x, y, true);
        assertEquals(2, fit.slopes()[0], EPS);
        assertEquals(1, fit.intercept(), EPS);
        assertEquals(0, fit.residualSumOfSquares(), EPS);
        assertEquals(2, fit.degreesOfFreedom());
    }

    @Test
    void multipleRegressionAndItsStatistics() {
        // y = -2 + 3.3 x1 - 0.5 x2 fitted to four points, worked out with the normal equations
        double[][] x = {{1, 1}, {2, 4}, {3, 9}, {4, 16}};
        double[] y = {1, 2, 4, 3};
        LeastSquaresFit fit = LeastSquaresFit.fit(x, y, true);
        assertEquals(3.3, fit.slopes()[0], 1e-9);
        assertEquals(-0.5, fit.slopes()[1], 1e-9);
        assertEquals(-2, fit.intercept(), 1e-9);
        assertEquals(1, fit.degreesOfFreedom());
        assertEquals(0.8, fit.residualSumOfSquares(), 1e-9);
        assertEquals(4.2, fit.regressionSumOfSquares(), 1e-9);
    }

    @Test
    void collinearColumnIsDropped() {
        // the second column is twice the first: Excel keeps the first and reports 0 for the second
        double[][] x = {{1, 2}, {2, 4}, {3, 6}, {4, 8}};
        double[] y = {3, 5, 7, 9};
        LeastSquaresFit fit = LeastSquaresFit.fit(x, y, true);
        assertEquals(2, fit.slopes()[0], 1e-9);
        assertEquals(0, fit.slopes()[1]);
        assertEquals(0, fit.slopeErrors()[1]);
        assertEquals(1, fit.intercept(), 1e-9);
        assertEquals(1, fit.usedColumns());
        assertEquals(2, fit.degreesOfFreedom());
    }

    @Test
    void fitWithoutConstantGoesThroughOrigin() {
        double[][] x = {{1}, {2}, {3}};
        double[] y = {2, 4, 7};
        LeastSquaresFit fit = LeastSquaresFit.fit(x, y, false);
        assertEquals(31.0 / 14, fit.slopes()[0], EPS);
        assertEquals(0, fit.intercept());
        assertEquals(2, fit.degreesOfFreedom());
    }

    @Test
    void approximateFloorForgivesBinaryNoise() {
        assertEquals(3, ApproximateMath.floor(10 * 0.3));
        assertEquals(2, ApproximateMath.floor(2.9));
        assertEquals(-3, ApproximateMath.floor(-2.5));
    }

    private static Scalar n(double v) {
        return NumberValue.of(v);
    }
}
