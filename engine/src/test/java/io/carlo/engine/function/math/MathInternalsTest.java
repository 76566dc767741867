package io.carlo.engine.function.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** Numerical routines of the math package, checked against hand-computed values. */
class MathInternalsTest {

    @Test
    void roundingWorksOnTheShownDecimalValue() {
        assertEquals(2.68, DecimalRounding.round(2.675, 2, RoundingMode.HALF_UP));
        assertEquals(1.01, DecimalRounding.round(1.005, 2, RoundingMode.HALF_UP));
        assertEquals(-2.68, DecimalRounding.round(-2.675, 2, RoundingMode.HALF_UP));
        assertEquals(0.3, DecimalRounding.round(0.1 + 0.2, 1, RoundingMode.UP));
        assertEquals(1200, DecimalRounding.round(1250.0001, -2, RoundingMode.DOWN));
        assertEquals(0.3, DecimalRounding.clean(0.1 * 3));
        assertEquals(1e-320, DecimalRounding.round(1e-320, 400, RoundingMode.HALF_UP));
    }

    @Test
    void fastRoundingAgreesWithTheDecimalRoute() {
        java.util.Random rnd = new java.util.Random(42);
        RoundingMode[] modes = {RoundingMode.HALF_UP, RoundingMode.UP, RoundingMode.DOWN};
        for (int i = 0; i < 200_000; i++) {
            int places = rnd.nextInt(12);
            double magnitude = Math.pow(10, rnd.nextInt(14) - 6);
            double v = (rnd.nextDouble() - 0.5) * magnitude;
            if (i % 3 == 0) {
                // right on or next to a boundary: k/10^p, k.5/10^p, nudged by a few ulps
                double k = Math.rint(v * Math.pow(10, places)) + (i % 2 == 0 ? 0.5 : 0);
                v = k / Math.pow(10, places) + Math.ulp(v) * (rnd.nextInt(7) - 3);
            }
            double x = v;
            for (RoundingMode mode : modes) {
                assertEquals(DecimalRounding.roundShown(x, places, mode), DecimalRounding.round(x, places, mode),
                        () -> x + " to " + places + " " + mode);
            }
        }
    }

    @Test
    void floorAndCeilingOfTheShownValue() {
        assertEquals(3, DecimalRounding.floorShown(0.3 / 0.1));
        assertEquals(3, DecimalRounding.ceilShown(0.1 * 3 / 0.1));
        assertEquals(-3, DecimalRounding.floorShown(-0.3 / 0.1));
        assertEquals(2, DecimalRounding.floorShown(2.5));
        assertEquals(3, DecimalRounding.ceilShown(2.5));
        assertEquals(1e300, DecimalRounding.floorShown(1e300));
    }

    @Test
    void romanFormsFollowExcelsConciseRules() {
        String[] forms = {"CDXCIX", "LDVLIV", "XDIX", "VDIV", "ID"};
        for (int form = 0; form <= 4; form++) {
            assertEquals(forms[form], RomanNumerals.roman(499, form));
        }
        assertEquals("MCMXCIX", RomanNumerals.roman(1999, 0));
        assertEquals("MIM", RomanNumerals.roman(1999, 4));
        assertEquals("", RomanNumerals.roman(0, 0));
    }

    @Test
    void arabicReadsEveryRomanForm() {
        for (int form = 0; form <= 4; form++) {
            for (int n = 0; n <= 3999; n++) {
                assertEquals(n, RomanNumerals.arabic(RomanNumerals.roman(n, form)), n + " in form " + form);
            }
        }
    }

    @Test
    void matrixRoutines() {
        assertEquals(-2, MatrixFunctions.determinant(new double[][] {{1, 2}, {3, 4}}), 1e-12);
        assertEquals(88, MatrixFunctions.determinant(new double[][] {{1, 3, 8, 5}, {1, 3, 6, 1}, {1, 1, 1, 0}, {7, 3, 10, 2}}), 1e-9);
        double[][] inverse = MatrixFunctions.inverse(new double[][] {{4, 7}, {2, 6}});
        assertArrayEquals(new double[] {0.6, -0.7}, inverse[0], 1e-12);
        assertArrayEquals(new double[] {-0.2, 0.4}, inverse[1], 1e-12);
    }

    @Test
    void statistics() {
        double[] x = {5, 3, 8, 1, 9, 2};
        assertEquals(4, Statistic.MEDIAN.compute(x, 6, 0));
        assertEquals(2.5, Statistic.PERCENTILE_INC.compute(x, 6, 0.3), 1e-12);
        assertEquals(2.1, Statistic.PERCENTILE_EXC.compute(x, 6, 0.3), 1e-12);
        assertEquals(8, Statistic.LARGE.compute(x, 6, 2));
        assertEquals(2, Statistic.SMALL.compute(x, 6, 2));
        assertEquals(3, Statistic.MODE_SNGL.compute(new double[] {3, 2, 2, 3}, 4, 0), "on a tie, the value met first");
    }

    @Test
    void combinationsAreExactIntegers() {
        assertEquals(1.1826458156486e17, CombinatoricFunctions.combin(60, 30), 1e4);
        assertEquals(184756, CombinatoricFunctions.combin(20, 10));
        assertEquals(120, CombinatoricFunctions.factorial(5));
    }
}
