package io.carlo.engine.function.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionContext;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The whole arrays of FREQUENCY, MODE.MULT, LINEST, LOGEST, TREND and GROWTH, called directly with
 * array arguments. Expected values are LibreOffice's (same data as in statistics.txt) or worked out
 * by hand.
 */
class ArrayResultsTest {

    private static final double REL = 1e-9;

    @Test
    void frequencyIsAColumnWithAnOverflowRow() {
        ArrayValue r = call("FREQUENCY", row(10, 20, 30, 40, 50, 60, 70, 80, 90, 100), row(25, 50, 75));
        assertShape(r, 4, 1);
        assertNumbers(r, 2, 3, 2, 3);
    }

    @Test
    void modeMultListsTiesInOrderOfAppearance() {
        ArrayValue r = call("MODE.MULT", row(1, 2, 3, 4, 3, 2, 1, 2, 3));
        assertShape(r, 2, 1);
        assertNumbers(r, 2, 3);
    }

    @Test
    void linestWithStatistics() {
        ArrayValue r = call("LINEST", column(5, 3, 8, 1, 9, 2), column(10, 20, 30, 40, 50, 60),
                BooleanValue.TRUE, BooleanValue.TRUE);
        assertShape(r, 5, 2);
        assertNumbers(r, -0.011428571428571425, 5.066666666666666, 0.0870999113537042, 3.392054207413518,
                0.004285714285714282, 3.6436507072152895, 0.017216642754662826, 4, 0.2285714285714284,
                53.104761904761915);
    }

    @Test
    void linestWithoutConstantLeavesTheInterceptErrorUnknown() {
        ArrayValue r = call("LINEST", column(5, 3, 8, 1, 9, 2), column(10, 20, 30, 40, 50, 60),
                BooleanValue.FALSE, BooleanValue.TRUE);
        assertEquals(0.1054945054945055, number(r.get(0, 0)), 1e-12);
        assertEquals(NumberValue.ZERO, r.get(0, 1));
        assertEquals(0.04263962835262514, number(r.get(1, 0)), 1e-12);
        assertEquals(ExcelError.NA, r.get(1, 1));
        assertEquals(0.5504061156235069, number(r.get(2, 0)), 1e-12);
        assertEquals(5, number(r.get(3, 1)));
        assertEquals(101.27472527472527, number(r.get(4, 0)), 1e-9);
    }

    @Test
    void linestWithTwoVariablesListsThemInReverse() {
        ArrayValue x = ArrayValue.of(2, 4, numbers(1, 2, 3, 4, 1, 4, 9, 16));
        ArrayValue r = call("LINEST", row(1, 2, 4, 3), x, BooleanValue.TRUE, BooleanValue.TRUE);
        assertShape(r, 5, 3);
        assertEquals(-0.5, number(r.get(0, 0)), 1e-12);
        assertEquals(3.3, number(r.get(0, 1)), 1e-12);
        assertEquals(-2, number(r.get(0, 2)), 1e-12);
        assertEquals(2.2715633383201097, number(r.get(1, 1)), 1e-9);
        assertEquals(ExcelError.NA, r.get(2, 2));
        assertEquals(1, number(r.get(3, 1)));
    }

    @Test
    void logestShowsTheGrowthFactor() {
        ArrayValue r = call("LOGEST", row(33100, 47300, 69000, 102000, 150000, 220000), row(11, 12, 13, 14, 15, 16));
        assertShape(r, 1, 2);
        assertEquals(1.4632756281161756, number(r.get(0, 0)), 1e-12);
    }

    @Test
    void trendFollowsTheShapeOfNewX() {
        ArrayValue r = call("TREND", column(5, 3, 8, 1, 9, 2), column(10, 20, 30, 40, 50, 60), row(70, 80, 90));
        assertShape(r, 1, 3);
        assertEquals(4.038095238095238, number(r.get(0, 2)), 1e-12);
        ArrayValue fitted = call("TREND", column(5, 3, 8, 1, 9, 2), column(10, 20, 30, 40, 50, 60));
        assertShape(fitted, 6, 1);
        assertEquals(4.723809523809524, number(fitted.get(2, 0)), 1e-12);
    }

    @Test
    void growthExtrapolates() {
        ArrayValue r = call("GROWTH", row(33100, 47300, 69000, 102000, 150000, 220000), row(11, 12, 13, 14, 15, 16),
                row(17));
        assertEquals(320196.7183634738, number(r.get(0, 0)), 320196.7183634738 * REL);
    }

    // --- helpers

    private static ArrayValue call(String name, Value... args) {
        boolean[] omitted = new boolean[args.length];
        Value result;
        try {
            result = FunctionLibrary.standard().find(name).orElseThrow().body()
                    .apply(new Arguments(args, omitted, NO_CELLS));
        } catch (ErrorSignal e) {
            throw new AssertionError(name + " failed with " + e.error());
        }
        assertTrue(result instanceof ArrayValue, () -> name + " returned " + result);
        return (ArrayValue) result;
    }

    private static Scalar[] numbers(double... values) {
        Scalar[] cells = new Scalar[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = NumberValue.of(values[i]);
        }
        return cells;
    }

    private static ArrayValue row(double... values) {
        return ArrayValue.of(1, values.length, numbers(values));
    }

    private static ArrayValue column(double... values) {
        return ArrayValue.of(values.length, 1, numbers(values));
    }

    private static double number(Scalar s) {
        assertTrue(s instanceof NumberValue, () -> "not a number: " + s);
        return ((NumberValue) s).value();
    }

    private static void assertShape(ArrayValue a, int rows, int cols) {
        assertEquals(rows + "x" + cols, a.rows() + "x" + a.cols(), "shape of " + a);
    }

    private static void assertNumbers(ArrayValue a, double... expected) {
        assertEquals(expected.length, a.size(), "size of " + a);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = expected[i] == 0 ? 1e-14 : Math.abs(expected[i]) * REL;
            assertEquals(expected[i], number(a.get(i)), tolerance, "element " + i + " of " + a);
        }
    }

    /** The functions tested here only receive arrays: they never read cells. */
    private static final FunctionContext NO_CELLS = new FunctionContext() {
        @Override
        public int hostSheet() {
            return 0;
        }

        @Override
        public int hostRow() {
            return 0;
        }

        @Override
        public int hostCol() {
            return 0;
        }

        @Override
        public boolean arrayMode() {
            return true;
        }

        @Override
        public Grid read(Area area) {
            return Grid.of(BlankValue.BLANK);
        }

        @Override
        public int sheetCount() {
            return 1;
        }

        @Override
        public String sheetName(int sheet) {
            return "Sheet1";
        }

        @Override
        public int sheetIndex(String name) {
            return 0;
        }

        @Override
        public int lastRow(int sheet) {
            return -1;
        }

        @Override
        public int lastCol(int sheet) {
            return -1;
        }

        @Override
        public Optional<ReferenceValue> parseReference(String text, boolean a1Style) {
            return Optional.empty();
        }

        @Override
        public Optional<String> formulaText(int sheet, int row, int col) {
            return Optional.empty();
        }

        @Override
        public double random() {
            return 0.5;
        }

        @Override
        public double now() {
            return 45000;
        }
    };
}
