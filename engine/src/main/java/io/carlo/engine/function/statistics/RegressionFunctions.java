package io.carlo.engine.function.statistics;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Least-squares regression returning arrays: LINEST and TREND (y = b + m1*x1 + ...), LOGEST and
 * GROWTH (y = b * m1^x1 * ..., fitted as a line through ln y).
 */
final class RegressionFunctions {

    private RegressionFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("LINEST").args(1, 4).kinds(ArgKind.RANGE, ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> estimate(args, false));
        registry.function("LOGEST").args(1, 4).kinds(ArgKind.RANGE, ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> estimate(args, true));
        registry.function("TREND").args(1, 4).kinds(ArgKind.RANGE, ArgKind.RANGE, ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> predict(args, false));
        registry.function("GROWTH").args(1, 4).kinds(ArgKind.RANGE, ArgKind.RANGE, ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> predict(args, true));
    }

    private static boolean present(Arguments args, int i) {
        return args.has(i) && !args.isOmitted(i);
    }

    private static RegressionData data(Arguments args, boolean exponential) {
        Grid knownX = present(args, 1) ? args.grid(1) : null;
        RegressionData data = RegressionData.of(args.grid(0), knownX);
        return exponential ? data.logarithmic() : data;
    }

    /**
     * const: TRUE or left out fits an intercept; FALSE forces it to 0 (to 1 for LOGEST). Written
     * empty, as in TREND(y,x,new_x,), it reads as FALSE: an empty argument is FALSE in Excel (as
     * VLOOKUP's range_lookup), not the default.
     */
    private static boolean constant(Arguments args, int i) {
        return !args.has(i) || args.bool(i);
    }

    /**
     * LINEST/LOGEST: the coefficients mk..m1, b in one row (variables in reverse order, as Excel
     * does); with stats, four more rows: their standard errors, then r2 and se(y), F and df,
     * ssreg and ssresid, padded with #N/A. LOGEST shows exp of the coefficients in the first row
     * and the statistics of the fit of ln y.
     */
    private static ArrayValue estimate(Arguments args, boolean exponential) {
        RegressionData data = data(args, exponential);
        boolean constant = constant(args, 2);
        boolean stats = present(args, 3) && args.bool(3);
        LeastSquaresFit fit = data.fit(constant);
        int k = data.variables();
        int cols = k + 1;
        int rows = stats ? 5 : 1;
        Scalar[] cells = new Scalar[rows * cols];
        Arrays.fill(cells, ExcelError.NA);
        DoubleUnaryOperator shown = exponential ? Math::exp : DoubleUnaryOperator.identity();
        double[] slopes = fit.slopes();
        double[] errors = fit.slopeErrors();
        for (int j = 0; j < k; j++) {
            cells[k - 1 - j] = NumberValue.of(shown.applyAsDouble(slopes[j]));
            if (stats) {
                cells[cols + k - 1 - j] = NumberValue.of(errors[j]);
            }
        }
        cells[k] = NumberValue.of(shown.applyAsDouble(fit.intercept()));
        if (stats) {
            // without a constant there is no intercept error: #N/A stays
            if (constant) {
                cells[cols + k] = NumberValue.of(fit.interceptError());
            }
            cells[2 * cols] = NumberValue.of(fit.rSquared());
            cells[2 * cols + 1] = NumberValue.of(fit.standardErrorOfEstimate());
            cells[3 * cols] = NumberValue.of(fit.fStatistic());
            cells[3 * cols + 1] = NumberValue.of(fit.degreesOfFreedom());
            cells[4 * cols] = NumberValue.of(fit.regressionSumOfSquares());
            cells[4 * cols + 1] = NumberValue.of(fit.residualSumOfSquares());
        }
        return ArrayValue.of(rows, cols, cells);
    }

    /** TREND/GROWTH: the fitted y at new_x (default: at known_x), in new_x's layout. */
    private static ArrayValue predict(Arguments args, boolean exponential) {
        RegressionData data = data(args, exponential);
        LeastSquaresFit fit = data.fit(constant(args, 3));
        RegressionData.NewPoints at = present(args, 2) ? data.newPoints(args.grid(2)) : data.knownPoints();
        Scalar[] cells = new Scalar[at.points().length];
        for (int i = 0; i < cells.length; i++) {
            double v = fit.predict(at.points()[i]);
            cells[i] = NumberValue.of(exponential ? Math.exp(v) : v);
        }
        return ArrayValue.of(at.rows(), at.cols(), cells);
    }
}
