package io.carlo.engine.function.statistics;

import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;

/**
 * The known data of LINEST, LOGEST, TREND and GROWTH, arranged as observations of k variables,
 * following Excel's shape rules:
 * <ul>
 * <li>known_x of the same shape as known_y: one variable, paired element by element;</li>
 * <li>known_y a column: each column of known_x (with as many rows) is a variable;</li>
 * <li>known_y a row: each row of known_x (with as many columns) is a variable;</li>
 * <li>known_x omitted: one variable, 1, 2, 3... in known_y's shape.</li>
 * </ul>
 * Any other combination is #REF!. Unlike CORREL and friends nothing is skipped: every cell must
 * hold a number (#VALUE! otherwise).
 */
final class RegressionData {

    enum Layout { ELEMENTWISE, ROWS_ARE_OBSERVATIONS, COLUMNS_ARE_OBSERVATIONS }

    final double[] y;
    final double[][] x;
    final Layout layout;
    private final Grid yShape;

    private RegressionData(double[] y, double[][] x, Layout layout, Grid yShape) {
        this.y = y;
        this.x = x;
        this.layout = layout;
        this.yShape = yShape;
    }

    static RegressionData of(Grid knownY, Grid knownX) {
        double[] y = numbers(knownY);
        if (knownX == null) {
            double[][] x = new double[y.length][1];
            for (int i = 0; i < y.length; i++) {
                x[i][0] = i + 1;
            }
            return new RegressionData(y, x, Layout.ELEMENTWISE, knownY);
        }
        if (knownX.rows() == knownY.rows() && knownX.cols() == knownY.cols()) {
            double[] xs = numbers(knownX);
            double[][] x = new double[y.length][1];
            for (int i = 0; i < y.length; i++) {
                x[i][0] = xs[i];
            }
            return new RegressionData(y, x, Layout.ELEMENTWISE, knownY);
        }
        if (knownY.cols() == 1 && knownX.rows() == knownY.rows()) {
            return new RegressionData(y, matrix(knownX, false), Layout.ROWS_ARE_OBSERVATIONS, knownY);
        }
        if (knownY.rows() == 1 && knownX.cols() == knownY.cols()) {
            return new RegressionData(y, matrix(knownX, true), Layout.COLUMNS_ARE_OBSERVATIONS, knownY);
        }
        throw ErrorSignal.of(ExcelError.REF);
    }

    int variables() {
        return x[0].length;
    }

    /** The y values as their logarithms, for the exponential fits (LOGEST, GROWTH); #NUM! for y <= 0. */
    RegressionData logarithmic() {
        double[] logs = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i] <= 0) {
                throw ErrorSignal.of(ExcelError.NUM);
            }
            logs[i] = Math.log(y[i]);
        }
        return new RegressionData(logs, x, layout, yShape);
    }

    LeastSquaresFit fit(boolean constant) {
        return LeastSquaresFit.fit(x, y, constant);
    }

    /**
     * New observations for TREND/GROWTH, laid out like the known ones: elementwise values for one
     * variable, or one row (column) of new_x per observation. Returns the observations and the
     * shape of the result.
     */
    NewPoints newPoints(Grid newX) {
        return switch (layout) {
            case ELEMENTWISE -> {
                double[] v = numbers(newX);
                double[][] points = new double[v.length][1];
                for (int i = 0; i < v.length; i++) {
                    points[i][0] = v[i];
                }
                yield new NewPoints(points, newX.rows(), newX.cols());
            }
            case ROWS_ARE_OBSERVATIONS -> {
                if (newX.cols() != variables()) {
                    throw ErrorSignal.of(ExcelError.REF);
                }
                yield new NewPoints(matrix(newX, false), newX.rows(), 1);
            }
            case COLUMNS_ARE_OBSERVATIONS -> {
                if (newX.rows() != variables()) {
                    throw ErrorSignal.of(ExcelError.REF);
                }
                yield new NewPoints(matrix(newX, true), 1, newX.cols());
            }
        };
    }

    /** The known observations again, for TREND/GROWTH without new_x: the result has known_y's shape. */
    NewPoints knownPoints() {
        return new NewPoints(x, yShape.rows(), yShape.cols());
    }

    record NewPoints(double[][] points, int rows, int cols) {
    }

    private static double[] numbers(Grid g) {
        double[] out = new double[g.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(g.get(i));
        }
        return out;
    }

    private static double number(Scalar v) {
        if (v instanceof NumberValue n) {
            return n.value();
        }
        if (v instanceof ExcelError e) {
            throw ErrorSignal.of(e);
        }
        throw ErrorSignal.of(ExcelError.VALUE);
    }

    /** Observations of a variable matrix: its rows, or its columns when {@code transpose}. */
    private static double[][] matrix(Grid g, boolean transpose) {
        int observations = transpose ? g.cols() : g.rows();
        int variables = transpose ? g.rows() : g.cols();
        double[][] m = new double[observations][variables];
        for (int o = 0; o < observations; o++) {
            for (int v = 0; v < variables; v++) {
                m[o][v] = number(transpose ? g.get(v, o) : g.get(o, v));
            }
        }
        return m;
    }
}
